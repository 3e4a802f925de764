package gpufaas.views.experiment;

import gpufaas.engine.model.BadInputException;
import gpufaas.workload.csv.CsvFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A function's inter-arrival times taken from an Ilúvatar trace ({@code func_name,invoke_time_ms}):
 * the arrivals of the named function (or of the only function in the file), sorted, as gaps in
 * milliseconds. They become an {@code empirical} arrival process (gaps drawn with replacement).
 */
public final class TraceIats {
    /** Most gaps kept from one file. */
    public static final int MAX_GAPS = 100_000;

    private TraceIats() {}

    public static List<Double> read(Path trace, String function) {
        List<Double> times = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        List<Double> onlyTimes = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(trace)) {
            int name = csv.requireColumn("func_name");
            int time = csv.requireColumn("invoke_time_ms");
            while (csv.next()) {
                String n = csv.text(name, "func_name");
                double t = csv.nonNegative(time, "invoke_time_ms");
                if (names.size() < 2) names.add(n);
                if (n.equals(function)) times.add(t);
                if (names.size() == 1) onlyTimes.add(t);
                if (times.size() > MAX_GAPS) break;
            }
        }
        if (times.isEmpty() && names.size() == 1) times = onlyTimes;
        if (times.size() < 2) {
            throw BadInputException.of(
                    trace.toString(),
                    "needs at least two invocations of '" + function
                            + "' to give inter-arrival times"
                            + (names.isEmpty()
                                    ? " (the trace is empty)"
                                    : "; the trace holds other functions, e.g. " + String.join(", ", names)));
        }
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) t[i] = times.get(i);
        Arrays.sort(t);
        List<Double> gaps = new ArrayList<>();
        boolean positive = false;
        for (int i = 1; i < t.length; i++) {
            double g = t[i] - t[i - 1];
            positive |= g > 0;
            gaps.add(g);
        }
        if (!positive)
            throw BadInputException.of(trace.toString(), "all invocations of '" + function + "' are at the same time");
        return gaps;
    }
}
