package gpufaas.workload.azure;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.time.SeededStreams;
import gpufaas.workload.csv.CsvFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Imports the Azure Functions 2021 trace (Zhang et al., SOSP 2021): one row per invocation,
 * {@code app,func,end_timestamp,duration}, both in <b>seconds</b> (floats). Arrival = end −
 * duration. Keeps N functions invoked in the window, maps each (by its mean duration over the whole
 * trace) to a catalog function with {@link DurationMapper}, and replays their arrivals sorted by
 * time, relative to the window's start.
 */
public final class Azure2021Importer {
    private Azure2021Importer() {}

    /** Per trace function: key, invocations in window, sum and count of durations over the trace. */
    private static final class Stats {
        final String app;
        final String func;
        long inWindow;
        double durationSumS;
        long all;

        Stats(String app, String func) {
            this.app = app;
            this.func = func;
        }

        String key() {
            return app + "/" + func;
        }
    }

    public static AzureImport load(Azure2021Options o, List<FunctionSpec> catalog) {
        Map<String, Integer> ids = new HashMap<>();
        List<Stats> stats = new ArrayList<>();
        long[] rows = new long[1 << 16];
        int n = 0;
        long startUs = Math.round(o.startS() * 1e6);
        double endS = o.startS() + o.durationS();
        try (CsvFile csv = CsvFile.open(o.file())) {
            int app = csv.requireColumn("app");
            int func = csv.requireColumn("func");
            int end = csv.requireColumn("end_timestamp");
            int dur = csv.requireColumn("duration");
            while (csv.next()) {
                String a = csv.text(app, "app");
                String f = csv.text(func, "func");
                double endTs = csv.number(end, "end_timestamp");
                double d = csv.nonNegative(dur, "duration");
                double arrivalS = endTs - d;
                Integer id = ids.get(a + "/" + f);
                if (id == null) {
                    id = stats.size();
                    ids.put(a + "/" + f, id);
                    stats.add(new Stats(a, f));
                }
                Stats s = stats.get(id);
                s.all++;
                s.durationSumS += d;
                if (arrivalS >= o.startS() && arrivalS < endS) {
                    s.inWindow++;
                    if (n == rows.length) rows = Arrays.copyOf(rows, rows.length * 2);
                    long us = Math.round(arrivalS * 1e6) - startUs;
                    if (us >= 1L << (63 - PackedArrivals.SHIFT)) throw csv.error("end_timestamp", "time too large");
                    rows[n++] = PackedArrivals.pack(Math.max(0, us), id);
                }
            }
        }
        if (stats.size() > PackedArrivals.MASK)
            throw BadInputException.of(o.file().toString(), "too many distinct functions");
        List<Stats> chosen = select(stats, o);
        int[] newId = new int[stats.size()];
        Arrays.fill(newId, -1);
        List<FunctionSpec> specs = new ArrayList<>();
        List<ImportedFunction> infos = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Stats s : chosen) {
            double avgMs = s.durationSumS / s.all * 1000.0;
            FunctionSpec bench = DurationMapper.map(avgMs, catalog);
            FunctionSpec spec = new FunctionSpec(
                    specs.size(),
                    ImportedNames.unique(bench.name(), s.func, used),
                    bench.gpuWarmMs(),
                    bench.gpuColdMs(),
                    bench.gpuMemMb(),
                    bench.cpuWarmMs(),
                    bench.cpuColdMs(),
                    bench.weight(),
                    bench.sloMs());
            newId[ids.get(s.key())] = specs.size();
            specs.add(spec);
            infos.add(new ImportedFunction(s.key(), avgMs, Double.NaN, s.inWindow, bench.name(), spec));
        }
        long[] kept = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int id = newId[(int) (rows[i] & PackedArrivals.MASK)];
            if (id >= 0) kept[k++] = PackedArrivals.pack(rows[i] >>> PackedArrivals.SHIFT, id);
        }
        long[] sorted = Arrays.copyOf(kept, k);
        Arrays.sort(sorted);
        String summary = String.format(
                "Azure 2021, %s s from %s s: kept %d functions (%s), %d arrivals",
                Double.isInfinite(o.durationS()) ? "all" : fmt(o.durationS()),
                fmt(o.startS()),
                chosen.size(),
                o.select().jsonName(),
                k);
        Workload w = new Workload(
                "azure2021",
                specs,
                () -> new PackedArrivals(sorted, o.file().getFileName().toString()));
        return new AzureImport(w, infos, List.of(o.file()), summary);
    }

    private static List<Stats> select(List<Stats> stats, Azure2021Options o) {
        Comparator<Stats> byCount =
                Comparator.comparingLong((Stats s) -> s.inWindow).reversed().thenComparing(Stats::key);
        List<Stats> pool = new ArrayList<>();
        for (Stats s : stats) if (s.inWindow > 0) pool.add(s);
        if (pool.isEmpty()) throw BadInputException.of(o.file().toString(), "no invocation arrives in the window");
        int n = Math.min(o.functions(), pool.size());
        if (o.select() == Selection.TOP) {
            pool.sort(byCount);
            return List.copyOf(pool.subList(0, n));
        }
        pool.sort(Comparator.comparing(Stats::key));
        SplittableRandom r = new SeededStreams(o.seed()).stream("azure2021/select");
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(pool.size() - i);
            Stats t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        List<Stats> chosen = new ArrayList<>(pool.subList(0, n));
        chosen.sort(byCount);
        return chosen;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
