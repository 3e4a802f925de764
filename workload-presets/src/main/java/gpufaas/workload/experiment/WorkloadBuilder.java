package gpufaas.workload.experiment;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.workload.azure.Azure2019Importer;
import gpufaas.workload.azure.Azure2021Importer;
import gpufaas.workload.azure.AzureImport;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.gen.ArrivalProcess;
import gpufaas.workload.gen.GeneratedArrivals;
import gpufaas.workload.trace.FunctionsCsvReader;
import gpufaas.workload.trace.TraceCsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Turns a {@link WorkloadSpec} into an engine {@link Workload}, noting the files it reads. */
final class WorkloadBuilder {
    private WorkloadBuilder() {}

    record Built(Workload workload, List<InputFile> inputs) {}

    static Built build(ExperimentSpec spec, Path baseDir, String source, DeviceProfile device) {
        return switch (spec.workload()) {
            case WorkloadSpec.Generated g -> generated(spec, g.functions());
            case WorkloadSpec.AzureLike(AzureLikeSpec a) -> {
                int gpus = spec.devices() == null || spec.devices().count() == null
                        ? 1
                        : spec.devices().count();
                yield generated(
                        spec,
                        AzureLikeWorkload.entries(
                                a.functions(),
                                a.offeredLoad(),
                                a.sigma(),
                                a.popularShort(),
                                spec.seed(),
                                device.speed() * Math.max(1, gpus)));
            }
            case WorkloadSpec.Trace t -> trace(spec, t, baseDir, source);
            case WorkloadSpec.Azure2019(Azure2019Spec a) -> {
                if (!Files.isDirectory(Experiments.resolve(baseDir, a.dir()))) {
                    throw new BadInputException(
                            source,
                            0,
                            "workload.azure2019.dir",
                            "no such folder: " + Experiments.resolve(baseDir, a.dir()));
                }
                yield imported(spec, "azure2019", Azure2019Importer.load(a.options(baseDir, spec.seed()), catalog()));
            }
            case WorkloadSpec.Azure2021(Azure2021Spec a) -> {
                existing(baseDir, a.file(), "workload.azure2021.file", source);
                yield imported(
                        spec,
                        "azure2021",
                        Azure2021Importer.load(a.options(baseDir, spec.seed(), spec.durationS()), catalog()));
            }
        };
    }

    private static List<FunctionSpec> catalog() {
        return BenchmarkCatalog.get().functions();
    }

    private static Built imported(ExperimentSpec spec, String role, AzureImport imported) {
        List<InputFile> inputs = new ArrayList<>();
        for (Path p : imported.inputs()) inputs.add(Experiments.input(role, p));
        Workload iw = imported.workload();
        return new Built(new Workload(spec.name(), iw.functions(), truncated(iw.arrivals(), spec.durationS())), inputs);
    }

    private static Built generated(ExperimentSpec spec, List<FunctionEntry> entries) {
        List<FunctionSpec> fns = new ArrayList<>();
        List<ArrivalProcess> processes = new ArrayList<>();
        for (FunctionEntry e : entries) {
            fns.add(e.toSpec(fns.size()));
            processes.add(e.arrival());
        }
        long seed = spec.seed();
        double duration = spec.durationOrDefault();
        List<FunctionSpec> frozen = List.copyOf(fns);
        List<ArrivalProcess> frozenP = List.copyOf(processes);
        return new Built(
                new Workload(spec.name(), frozen, () -> GeneratedArrivals.of(frozen, frozenP, seed, duration)),
                List.of());
    }

    private static Built trace(ExperimentSpec spec, WorkloadSpec.Trace t, Path baseDir, String source) {
        Path functionsCsv = existing(baseDir, t.functionsCsv(), "workload.functions_csv", source);
        Path traceCsv = existing(baseDir, t.traceCsv(), "workload.trace_csv", source);
        List<FunctionSpec> fns = FunctionsCsvReader.read(functionsCsv);
        Map<String, Integer> ids = TraceCsvReader.idsOf(fns);
        TraceCsvReader.open(traceCsv, ids).close(); // checks the header now rather than at run time
        Supplier<ArrivalSource> arrivals = () -> TraceCsvReader.open(traceCsv, ids);
        List<InputFile> inputs =
                List.of(Experiments.input("functions_csv", functionsCsv), Experiments.input("trace_csv", traceCsv));
        return new Built(new Workload(spec.name(), fns, truncated(arrivals, spec.durationS())), inputs);
    }

    private static Supplier<ArrivalSource> truncated(Supplier<ArrivalSource> s, Double durationS) {
        if (durationS == null) return s;
        long endUs = Math.round(durationS * 1e6);
        return () -> new TruncatedArrivals(s.get(), endUs);
    }

    static Path existing(Path baseDir, String path, String field, String source) {
        Path p = Experiments.resolve(baseDir, path);
        if (!Files.isRegularFile(p)) throw new BadInputException(source, 0, field, "no such file: " + p);
        return p;
    }
}
