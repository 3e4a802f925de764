package gpufaas.workload.azure;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.time.SeededStreams;
import gpufaas.workload.csv.CsvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Imports the Azure Functions 2019 dataset (Shahrad et al., ATC 2020): per-minute invocation
 * counts ({@code HashOwner,HashApp,HashFunction,Trigger,1..1440}), per-function duration
 * statistics in milliseconds ({@code ...,Average,Count,...}) and per-app memory in MB
 * ({@code HashOwner,HashApp,SampleCount,AverageAllocatedMb,...}, optional). Keeps N functions
 * invoked in the window and that have duration data, maps each to a catalog function with
 * {@link DurationMapper}, and replays their counts spread within each minute.
 */
public final class Azure2019Importer {
    private Azure2019Importer() {}

    /** A trace function during the first pass. */
    private record Candidate(String key, String hash, long total) {}

    public static AzureImport load(Azure2019Options o, List<FunctionSpec> catalog) {
        Map<String, double[]> durations = readDurations(o.durationsFile());
        Map<String, Double> memory = Files.isRegularFile(o.memoryFile()) ? readMemory(o.memoryFile()) : Map.of();
        Map<String, Candidate> all = scanTotals(o);
        List<Candidate> eligible = new ArrayList<>();
        int noDuration = 0;
        for (Candidate c : all.values()) {
            if (c.total() <= 0) continue;
            if (durations.containsKey(c.key())) eligible.add(c);
            else noDuration++;
        }
        if (eligible.isEmpty()) {
            throw BadInputException.of(
                    o.invocationsFile().toString(),
                    "no function with duration data is invoked in minutes " + o.startMinute() + ".."
                            + (o.startMinute() + o.minutes() - 1));
        }
        List<Candidate> chosen = select(eligible, o);
        int[][] counts = readCounts(o, chosen);
        List<FunctionSpec> specs = new ArrayList<>();
        List<ImportedFunction> infos = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Candidate c : chosen) {
            double avgMs = durations.get(c.key())[0];
            double memMb = memory.getOrDefault(appKey(c.key()), Double.NaN);
            FunctionSpec bench = DurationMapper.map(avgMs, catalog);
            double gpuMem = o.useTraceMemory() && !Double.isNaN(memMb) ? memMb : bench.gpuMemMb();
            FunctionSpec spec = new FunctionSpec(
                    specs.size(),
                    ImportedNames.unique(bench.name(), c.hash(), used),
                    bench.gpuWarmMs(),
                    bench.gpuColdMs(),
                    gpuMem,
                    bench.cpuWarmMs(),
                    bench.cpuColdMs(),
                    bench.weight(),
                    bench.sloMs());
            specs.add(spec);
            infos.add(new ImportedFunction(c.key(), avgMs, memMb, c.total(), bench.name(), spec));
        }
        String summary = String.format(
                "Azure 2019 day %d, minutes %d..%d: kept %d of %d invoked functions (%s)%s",
                o.day(),
                o.startMinute(),
                o.startMinute() + o.minutes() - 1,
                chosen.size(),
                eligible.size(),
                o.select().jsonName(),
                noDuration > 0 ? "; " + noDuration + " invoked functions had no duration data" : "");
        Workload w = new Workload(
                "azure2019-d" + o.day(), specs, () -> new Azure2019Arrivals(counts, o.spreading(), o.seed()));
        List<Path> inputs = new ArrayList<>(List.of(o.invocationsFile(), o.durationsFile()));
        if (!memory.isEmpty()) inputs.add(o.memoryFile());
        return new AzureImport(w, infos, inputs, summary);
    }

    private static List<Candidate> select(List<Candidate> eligible, Azure2019Options o) {
        Comparator<Candidate> byTotal =
                Comparator.comparingLong(Candidate::total).reversed().thenComparing(Candidate::key);
        List<Candidate> pool = new ArrayList<>(eligible);
        int n = Math.min(o.functions(), pool.size());
        if (o.select() == Selection.TOP) {
            pool.sort(byTotal);
            return List.copyOf(pool.subList(0, n));
        }
        pool.sort(Comparator.comparing(Candidate::key));
        SplittableRandom r = new SeededStreams(o.seed()).stream("azure2019/select");
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(pool.size() - i);
            Candidate t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        List<Candidate> chosen = new ArrayList<>(pool.subList(0, n));
        chosen.sort(byTotal);
        return chosen;
    }

    private static int[] windowColumns(CsvFile csv, Azure2019Options o) {
        int[] cols = new int[o.minutes()];
        for (int j = 0; j < cols.length; j++) cols[j] = csv.requireColumn(Integer.toString(o.startMinute() + 1 + j));
        return cols;
    }

    private static Map<String, Candidate> scanTotals(Azure2019Options o) {
        Map<String, Candidate> all = new LinkedHashMap<>();
        try (CsvFile csv = CsvFile.open(o.invocationsFile())) {
            int[] key = keyColumns(csv, true);
            int[] cols = windowColumns(csv, o);
            while (csv.next()) {
                String k = key(csv, key);
                long total = 0;
                for (int j = 0; j < cols.length; j++)
                    total += csv.count(cols[j], csv.header().get(cols[j]));
                Candidate prev = all.get(k);
                all.put(k, new Candidate(k, csv.raw(key[2]), total + (prev == null ? 0 : prev.total())));
            }
        }
        return all;
    }

    private static int[][] readCounts(Azure2019Options o, List<Candidate> chosen) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) index.put(chosen.get(i).key(), i);
        int[][] counts = new int[chosen.size()][o.minutes()];
        try (CsvFile csv = CsvFile.open(o.invocationsFile())) {
            int[] key = keyColumns(csv, true);
            int[] cols = windowColumns(csv, o);
            while (csv.next()) {
                Integer f = index.get(key(csv, key));
                if (f == null) continue;
                for (int j = 0; j < cols.length; j++) {
                    long c = counts[f][j] + csv.count(cols[j], csv.header().get(cols[j]));
                    if (c > Integer.MAX_VALUE / 4) throw csv.error(csv.header().get(cols[j]), "count too large");
                    counts[f][j] = (int) c;
                }
            }
        }
        return counts;
    }

    /** key → {count-weighted average ms, total count}. */
    private static Map<String, double[]> readDurations(Path file) {
        Map<String, double[]> m = new HashMap<>();
        try (CsvFile csv = CsvFile.open(file)) {
            int[] key = keyColumns(csv, true);
            int avg = csv.requireColumn("Average");
            int count = csv.requireColumn("Count");
            while (csv.next()) {
                double a = csv.nonNegative(avg, "Average");
                double n = Math.max(1, csv.nonNegative(count, "Count"));
                m.merge(key(csv, key), new double[] {a, n}, (x, y) ->
                        new double[] {(x[0] * x[1] + y[0] * y[1]) / (x[1] + y[1]), x[1] + y[1]});
            }
        }
        return m;
    }

    /** owner/app → average allocated MB. */
    private static Map<String, Double> readMemory(Path file) {
        Map<String, Double> m = new HashMap<>();
        try (CsvFile csv = CsvFile.open(file)) {
            int[] key = keyColumns(csv, false);
            int mb = csv.requireColumn("AverageAllocatedMb");
            while (csv.next()) m.put(key(csv, key), csv.nonNegative(mb, "AverageAllocatedMb"));
        }
        return m;
    }

    private static int[] keyColumns(CsvFile csv, boolean withFunction) {
        int owner = csv.requireColumn("HashOwner");
        int app = csv.requireColumn("HashApp");
        return withFunction ? new int[] {owner, app, csv.requireColumn("HashFunction")} : new int[] {owner, app};
    }

    private static String key(CsvFile csv, int[] cols) {
        StringBuilder b =
                new StringBuilder(csv.text(cols[0], "HashOwner")).append('/').append(csv.text(cols[1], "HashApp"));
        if (cols.length > 2) b.append('/').append(csv.text(cols[2], "HashFunction"));
        return b.toString();
    }

    private static String appKey(String functionKey) {
        return functionKey.substring(0, functionKey.lastIndexOf('/'));
    }
}
