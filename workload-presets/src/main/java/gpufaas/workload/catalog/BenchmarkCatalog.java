package gpufaas.workload.catalog;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.csv.CsvFile;
import gpufaas.workload.trace.FunctionsCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 14 GPU functions of the MQFQ-Sticky evaluation (reference §8), loaded from the resource
 * {@code gpufaas/catalog/benchmarks.csv} with {@link FunctionsCsvReader}. Timings are the V100
 * measurements in milliseconds; the resource's {@code notes} column says which values are
 * published and which are assumptions.
 */
public final class BenchmarkCatalog {
    public static final String RESOURCE = "/gpufaas/catalog/benchmarks.csv";

    private static final BenchmarkCatalog INSTANCE = load();

    private final List<FunctionSpec> functions;
    private final Map<String, String> notes;
    private final Map<String, String> classes;

    private BenchmarkCatalog(List<FunctionSpec> functions, Map<String, String> notes, Map<String, String> classes) {
        this.functions = functions;
        this.notes = notes;
        this.classes = classes;
    }

    /** The built-in catalog. */
    public static BenchmarkCatalog get() {
        return INSTANCE;
    }

    /** All functions, ids 0..13 in catalog order. */
    public List<FunctionSpec> functions() {
        return functions;
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (FunctionSpec f : functions) n.add(f.name());
        return Collections.unmodifiableList(n);
    }

    /** The function called {@code name}, or a {@link BadInputException} listing the known names. */
    public FunctionSpec function(String name) {
        for (FunctionSpec f : functions) if (f.name().equalsIgnoreCase(name)) return f;
        throw new BadInputException(
                "catalog",
                0,
                "base",
                "unknown benchmark function '" + name + "'; known: " + String.join(", ", names()));
    }

    public boolean contains(String name) {
        for (FunctionSpec f : functions) if (f.name().equalsIgnoreCase(name)) return true;
        return false;
    }

    /** Where the function's numbers come from. */
    public String notes(String name) {
        return notes.getOrDefault(function(name).name(), "");
    }

    /** ML, HPC or video. */
    public String functionClass(String name) {
        return classes.getOrDefault(function(name).name(), "");
    }

    private static BenchmarkCatalog load() {
        List<FunctionSpec> fns;
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        try (InputStream in = open()) {
            fns = FunctionsCsvReader.read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = open();
                CsvFile csv = CsvFile.of(in, RESOURCE)) {
            int name = csv.requireColumn("func_name");
            int note = csv.requireColumn("notes");
            int cls = csv.requireColumn("class");
            while (csv.next()) {
                notes.put(csv.raw(name), csv.raw(note));
                classes.put(csv.raw(name), csv.raw(cls));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchmarkCatalog(fns, Map.copyOf(notes), Map.copyOf(classes));
    }

    private static InputStream open() {
        InputStream in = BenchmarkCatalog.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        return in;
    }
}
