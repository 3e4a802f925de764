package gpufaas.app;

import gpufaas.workload.experiment.InputFile;
import java.io.Serializable;
import java.util.List;

/**
 * One sweep point as a self-contained task: the point's experiment JSON in, a result folder out.
 * Only text and numbers, so an executor can ship it to another process or machine.
 *
 * @param index       the point's number, from 0, in expansion order
 * @param label       the point's axis values ({@code policy=fcfs,params.D=2})
 * @param experiment  the point's experiment JSON (no list values left)
 * @param baseDir     the folder relative paths in it resolve against (null: working directory)
 * @param outDir      the result folder to write
 * @param invocations whether to write invocations.csv
 * @param force       whether the folder may be a non-empty folder that is not an earlier output
 * @param command     the sweep's command line, for the manifest
 * @param inputs      files the sweep read (the experiment), for the manifest
 * @param files       files the point reads, as the sweep resolved them before anything ran (path and
 *                    checksum): what an executor on another machine must make available to it
 */
public record SweepTask(
        int index,
        String label,
        String experiment,
        String baseDir,
        String outDir,
        boolean invocations,
        boolean force,
        List<String> command,
        List<InputFile> inputs,
        List<InputFile> files)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepTask {
        command = List.copyOf(command);
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
    }

    /** This task with another experiment JSON and result folder (a copy of the point on another machine). */
    public SweepTask relocated(String newExperiment, String newOutDir) {
        return new SweepTask(
                index, label, newExperiment, baseDir, newOutDir, invocations, force, command, inputs, files);
    }

    /** This task with the files its point reads. */
    SweepTask withFiles(List<InputFile> pointFiles) {
        return new SweepTask(
                index, label, experiment, baseDir, outDir, invocations, force, command, inputs, pointFiles);
    }
}
