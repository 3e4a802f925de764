package gpufaas.views.experiment;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.experiment.FunctionEntry;
import gpufaas.workload.gen.ArrivalProcess;
import gpufaas.workload.json.FieldProblem;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable row of the workload composer: a function (a catalog base with its timings and
 * footprint, each overridable) and its arrival process. Values are kept as the text typed, so a
 * bad value stays visible with its problem next to it; {@link #toEntry()} validates.
 */
public final class FunctionRowModel {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty base = new SimpleStringProperty("");
    public final StringProperty warmMs = new SimpleStringProperty("");
    public final StringProperty coldMs = new SimpleStringProperty("");
    public final StringProperty memMb = new SimpleStringProperty("");
    public final ObjectProperty<ArrivalKind> arrival = new SimpleObjectProperty<>(ArrivalKind.POISSON);
    public final StringProperty ratePerS = new SimpleStringProperty("0.1");
    public final StringProperty burstFactor = new SimpleStringProperty("5");
    public final StringProperty meanBurstS = new SimpleStringProperty("10");
    public final StringProperty meanCalmS = new SimpleStringProperty("60");
    public final StringProperty amplitude = new SimpleStringProperty("0.8");
    public final StringProperty periodS = new SimpleStringProperty("300");
    public final StringProperty phaseS = new SimpleStringProperty("0");
    /** inter-arrival times (ms) imported from a trace, with where they came from */
    /** what an Azure-minutes process of a loaded experiment holds (count, span, burstiness) */
    public final StringProperty azureNote = new SimpleStringProperty("");

    public final ObjectProperty<List<Double>> iatMs = new SimpleObjectProperty<>(List.of());
    public final StringProperty iatSource = new SimpleStringProperty("");
    /** what is wrong with the row, empty when valid */
    public final StringProperty problem = new SimpleStringProperty("");
    // overrides kept from a loaded experiment that the table does not show
    private Double cpuWarmMs;
    private Double cpuColdMs;
    private Double weight;
    private Double sloMs;
    private Double gpuActivity;
    /** the Azure-minutes process of a loaded experiment (count and span are not columns of the table) */
    private ArrivalProcess.AzureMinutes azureMinutes;

    /** A row for catalog function {@code base} named {@code name} with Poisson arrivals at {@code rate}/s. */
    public static FunctionRowModel ofCatalog(String name, String base, double rate) {
        FunctionRowModel r = new FunctionRowModel();
        r.name.set(name);
        r.base.set(base);
        FunctionSpec f = BenchmarkCatalog.get().function(base);
        r.warmMs.set(num(f.gpuWarmMs()));
        r.coldMs.set(num(f.gpuColdMs()));
        r.memMb.set(num(f.gpuMemMb()));
        r.ratePerS.set(num(rate));
        return r;
    }

    /** The row showing {@code e} (the catalog's values where it overrides nothing). */
    public static FunctionRowModel of(FunctionEntry e) {
        FunctionRowModel r = new FunctionRowModel();
        FunctionSpec s = e.toSpec(0);
        r.name.set(e.name());
        r.base.set(e.base() == null ? "" : e.base());
        r.warmMs.set(num(s.gpuWarmMs()));
        r.coldMs.set(num(s.gpuColdMs()));
        r.memMb.set(num(s.gpuMemMb()));
        r.cpuWarmMs = e.cpuWarmMs();
        r.cpuColdMs = e.cpuColdMs();
        r.weight = e.weight();
        r.sloMs = e.sloMs();
        r.gpuActivity = e.gpuActivity();
        switch (e.arrival()) {
            case ArrivalProcess.Poisson p -> {
                r.arrival.set(ArrivalKind.POISSON);
                r.ratePerS.set(num(p.ratePerS()));
            }
            case ArrivalProcess.Bursty b -> {
                r.arrival.set(ArrivalKind.BURSTY);
                r.ratePerS.set(num(b.ratePerS()));
                r.burstFactor.set(num(b.burstFactor()));
                r.meanBurstS.set(num(b.meanBurstS()));
                r.meanCalmS.set(num(b.meanCalmS()));
            }
            case ArrivalProcess.Diurnal d -> {
                r.arrival.set(ArrivalKind.DIURNAL);
                r.ratePerS.set(num(d.ratePerS()));
                r.amplitude.set(num(d.amplitude()));
                r.periodS.set(num(d.periodS()));
                r.phaseS.set(num(d.phaseS()));
            }
            case ArrivalProcess.AzureMinutes a -> {
                r.arrival.set(ArrivalKind.AZURE_MINUTES);
                r.azureMinutes = a;
                r.ratePerS.set(num(a.meanRatePerS()));
                r.azureNote.set(a.count() + " invocations over " + num(a.spanS()) + " s, Azure-like bursts (dispersion "
                        + num(a.dispersion()) + ", " + num(a.perMinute()) + " per minute); set by the experiment");
            }
            case ArrivalProcess.Empirical m -> {
                r.arrival.set(ArrivalKind.TRACE);
                r.iatMs.set(m.iatMs());
                r.iatSource.set(m.iatMs().size() + " gaps from the experiment");
                r.ratePerS.set(num(m.meanRatePerS()));
            }
        }
        return r;
    }

    /** The experiment entry; throws FieldProblem naming the column at fault. */
    public FunctionEntry toEntry() {
        String n = name.get() == null ? "" : name.get().trim();
        String b =
                base.get() == null || base.get().isBlank() ? null : base.get().trim();
        if (b != null && !BenchmarkCatalog.get().contains(b)) {
            throw new FieldProblem("base", "unknown catalog function '" + b + "'");
        }
        if (b != null) b = BenchmarkCatalog.get().function(b).name();
        FunctionSpec cat = b == null ? null : BenchmarkCatalog.get().function(b);
        Double warm = override(warmMs.get(), "warm ms", cat == null ? null : cat.gpuWarmMs());
        Double cold = override(coldMs.get(), "cold ms", cat == null ? null : cat.gpuColdMs());
        Double mem = override(memMb.get(), "memory MB", cat == null ? null : cat.gpuMemMb());
        ArrivalProcess p = process();
        return new FunctionEntry(n, b, warm, cold, mem, cpuWarmMs, cpuColdMs, weight, sloMs, gpuActivity, p);
    }

    /** Validates the row into {@link #problem}; true when valid. */
    public boolean validate() {
        try {
            toEntry();
            problem.set("");
            return true;
        } catch (IllegalArgumentException e) {
            problem.set(describe(e));
            return false;
        }
    }

    static String describe(IllegalArgumentException e) {
        if (e instanceof FieldProblem f) return f.field().replace('_', ' ') + ": " + f.getMessage();
        return e.getMessage();
    }

    private ArrivalProcess process() {
        return switch (arrival.get()) {
            case POISSON -> new ArrivalProcess.Poisson(number(ratePerS.get(), "rate per s"));
            case BURSTY ->
                new ArrivalProcess.Bursty(
                        number(ratePerS.get(), "rate per s"),
                        number(burstFactor.get(), "burst factor"),
                        number(meanBurstS.get(), "mean burst s"),
                        number(meanCalmS.get(), "mean calm s"));
            case DIURNAL ->
                new ArrivalProcess.Diurnal(
                        number(ratePerS.get(), "rate per s"),
                        number(amplitude.get(), "amplitude"),
                        number(periodS.get(), "period s"),
                        number(phaseS.get(), "phase s"));
            case TRACE -> {
                if (iatMs.get() == null || iatMs.get().isEmpty()) {
                    throw new FieldProblem(
                            "arrival", "choose a trace file to take this function's inter-arrival times from");
                }
                yield new ArrivalProcess.Empirical(iatMs.get());
            }
            case AZURE_MINUTES -> {
                if (azureMinutes == null) {
                    throw new FieldProblem(
                            "arrival",
                            "Azure-minutes arrivals (an exact count over a span) come from an "
                                    + "experiment or preset, e.g. diss-25.7095; choose another process to compose one here");
                }
                yield azureMinutes;
            }
        };
    }

    /** The typed value when it differs from the catalog's, else null (no override). */
    private static Double override(String text, String field, Double catalog) {
        if ((text == null || text.isBlank()) && catalog != null) return null;
        double v = number(text, field);
        if (catalog != null && Math.abs(v - catalog) < 1e-9) return null;
        return v;
    }

    static double number(String text, String field) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) throw new FieldProblem(field.replace(' ', '_'), "is required");
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new FieldProblem(field.replace(' ', '_'), "'" + t + "' is not a number");
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
