package gpufaas.workload.calibration;

import gpufaas.engine.model.BadInputException;
import gpufaas.workload.csv.CsvFile;
import gpufaas.workload.experiment.DevicesSpec;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.FunctionEntry;
import gpufaas.workload.experiment.WorkloadSpec;
import gpufaas.workload.gen.ArrivalProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The nine traces of the MQFQ-Sticky dissertation (V100) as workloads, rebuilt from their exact
 * per-function invocation counts ({@code gpufaas/calibration/dissertation-trace-mixes.csv}): each
 * trace function is its own function (own flow, own containers) running the catalog function whose
 * code it names, with the warm time the trace's metadata used, and exactly its published number of
 * invocations over 10 minutes. Arrival times are not published: they are drawn as the authors'
 * generator draws them, from Azure-like per-minute counts ({@link ArrivalProcess.AzureMinutes});
 * the seed chooses the draw. The experiment runs on one V100, with the dissertation's settings:
 * D = 2, utilization cap 95 %, a pool of 16 containers.
 */
public final class DissertationTraces {
    /** Preset names start with this, followed by the trace's name (e.g. diss-25.7095). */
    public static final String PREFIX = "diss-";
    /** Length of every trace (s). */
    public static final double SPAN_S = 600;

    private static final String MIXES = "/gpufaas/calibration/dissertation-trace-mixes.csv";
    /** Trace function name (without its -N suffix) to the catalog function running the same code. */
    private static final Map<String, String> CODE = Map.of(
            "pyhpc-eos",
            "eos",
            "pyhpc-isoneural",
            "isoneural",
            "rodinia-srad",
            "srad",
            "squeezenet",
            "squeezenet",
            "torch_rnn",
            "rnn",
            "cupy",
            "fft",
            "onnx-roberta",
            "roberta");

    private static final Map<String, List<Row>> TRACES = load();

    /** One trace function: name, invocations, warm time (ms) as the trace's metadata has it. */
    public record Row(String function, int invocations, double warmMs) {
        /** The catalog function whose code this trace function runs. */
        public String base() {
            String code = function.replaceFirst("-\\d+$", "");
            String b = CODE.get(code);
            if (b == null)
                throw new IllegalStateException("trace function " + function + " maps to no catalog function");
            return b;
        }
    }

    private DissertationTraces() {}

    /** Trace names in the file's order (25.7, 25.8, 23.6, 21.9, 25.709, 25.7095, 25.712, 25.708, 25.707). */
    public static List<String> traces() {
        return List.copyOf(TRACES.keySet());
    }

    /** Preset names, one per trace. */
    public static List<String> presetNames() {
        List<String> out = new ArrayList<>();
        for (String t : TRACES.keySet()) out.add(PREFIX + t);
        return out;
    }

    /** The rows of {@code trace}; an unknown trace is a {@link BadInputException} listing the known ones. */
    public static List<Row> rows(String trace) {
        List<Row> r = TRACES.get(trace);
        if (r == null)
            throw BadInputException.of(
                    "trace",
                    "unknown dissertation trace '" + trace + "'; known: " + String.join(", ", TRACES.keySet()));
        return r;
    }

    /** Invocations in {@code trace}. */
    public static int invocations(String trace) {
        int n = 0;
        for (Row r : rows(trace)) n += r.invocations();
        return n;
    }

    /** Warm GPU work of {@code trace} on the V100 (s): Σ invocations × warm time. */
    public static double warmWorkS(String trace) {
        double w = 0;
        for (Row r : rows(trace)) w += r.invocations() * r.warmMs() / 1000;
        return w;
    }

    /** The experiment of {@code trace}: its functions, counts and Azure-like arrivals on one V100. */
    public static ExperimentSpec experiment(String trace) {
        List<FunctionEntry> fns = new ArrayList<>();
        for (Row r : rows(trace)) {
            ArrivalProcess a = new ArrivalProcess.AzureMinutes(r.invocations(), SPAN_S, null, null);
            fns.add(new FunctionEntry(r.function(), r.base(), r.warmMs(), null, null, null, null, null, null, null, a));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("D", "2");
        params.put("util", "95");
        params.put("pool", "16");
        String description = String.format(
                Locale.ROOT,
                "Trace %s of the MQFQ-Sticky dissertation (V100): %d invocations of %d "
                        + "functions over %.0f s (%.2f/s), %.0f s of warm GPU work; exact per-function counts and the trace's "
                        + "warm times; arrival times drawn like the authors' generator (Azure-like per-minute bursts; the seed "
                        + "picks the draw). One V100, D = 2, utilization cap 95 %%, pool 16, as published.",
                trace,
                invocations(trace),
                rows(trace).size(),
                SPAN_S,
                invocations(trace) / SPAN_S,
                warmWorkS(trace));
        return new ExperimentSpec(
                PREFIX + trace,
                description,
                42L,
                SPAN_S,
                WorkloadSpec.of(fns),
                DevicesSpec.of("v100", 1),
                "mqfq-sticky",
                null,
                null,
                params,
                null);
    }

    private static Map<String, List<Row>> load() {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        try (InputStream in = DissertationTraces.class.getResourceAsStream(MIXES)) {
            if (in == null) throw new IllegalStateException("missing resource " + MIXES);
            try (CsvFile csv = CsvFile.of(in, MIXES)) {
                int trace = csv.requireColumn("trace");
                int fn = csv.requireColumn("function");
                int n = csv.requireColumn("invocations");
                int warm = csv.requireColumn("warm_time_s");
                while (csv.next()) {
                    // seconds to milliseconds, exact to the microsecond (1.1642 s is 1164.2 ms, not 1164.1999…)
                    double warmMs = Math.round(csv.nonNegative(warm, "warm_time_s") * 1e6) / 1e3;
                    Row r = new Row(csv.text(fn, "function"), (int) csv.count(n, "invocations"), warmMs);
                    r.base();
                    out.computeIfAbsent(csv.text(trace, "trace"), k -> new ArrayList<>())
                            .add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}
