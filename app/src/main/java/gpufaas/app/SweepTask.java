package gpufaas.app;

import gpufaas.workload.experiment.InputFile;

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
 */
public record SweepTask(int index, String label, String experiment, String baseDir, String outDir,
                        boolean invocations, boolean force, List<String> command, List<InputFile> inputs) {
    public SweepTask {
        command = List.copyOf(command);
        inputs = List.copyOf(inputs);
    }
}
