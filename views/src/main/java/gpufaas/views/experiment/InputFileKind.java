package gpufaas.views.experiment;

import gpufaas.engine.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dropped or chosen file is, told by its name and its header line: an experiment JSON, an
 * Ilúvatar trace ({@code func_name,invoke_time_ms}), an Ilúvatar functions file
 * ({@code func_name,cold_dur_ms,warm_dur_ms,mem_mb}), a file (or the folder) of the Azure
 * Functions 2019 dataset, or the Azure 2021 invocation trace ({@code app,func,end_timestamp,duration}).
 */
public enum InputFileKind {
    EXPERIMENT,
    TRACE_CSV,
    FUNCTIONS_CSV,
    AZURE_2019,
    AZURE_2021;

    private static final Pattern AZURE_2019_NAME = Pattern.compile(
            "(invocations_per_function_md|function_durations_percentiles|app_memory_percentiles)\\.anon\\.d(\\d\\d)\\.csv");

    /** The kind of {@code file}, or a BadInputException naming the file and what was expected. */
    public static InputFileKind detect(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file)) {
            if (azure2019Day(file) > 0) return AZURE_2019;
            throw BadInputException.of(
                    file.toString(),
                    "a folder is accepted only when it holds the Azure Functions 2019 "
                            + "dataset (invocations_per_function_md.anon.dNN.csv and its companions)");
        }
        if (!Files.isRegularFile(file)) throw BadInputException.of(file.toString(), "no such file");
        if (lower.endsWith(".json")) return EXPERIMENT;
        if (AZURE_2019_NAME.matcher(lower).matches()) return AZURE_2019;
        List<String> header = header(file);
        if (header.contains("func_name") && header.contains("invoke_time_ms")) return TRACE_CSV;
        if (header.contains("func_name") && (header.contains("warm_dur_ms") || header.contains("gpu_warm_ms")))
            return FUNCTIONS_CSV;
        if (header.contains("app")
                && header.contains("func")
                && header.contains("end_timestamp")
                && header.contains("duration")) {
            return AZURE_2021;
        }
        throw BadInputException.of(
                file.toString(),
                "not a file the workbench reads: expected an experiment (.json), "
                        + "an Ilúvatar trace (func_name,invoke_time_ms), a functions file (func_name,cold_dur_ms,warm_dur_ms,mem_mb), "
                        + "an Azure 2019 dataset file or the Azure 2021 trace (app,func,end_timestamp,duration); its header is: "
                        + (header.isEmpty() ? "(empty)" : String.join(",", header)));
    }

    /** The day (1..14) of an Azure 2019 file, or of the first invocations file in a folder; 0 when none. */
    public static int azure2019Day(Path fileOrDir) {
        if (Files.isDirectory(fileOrDir)) {
            try (var s = Files.list(fileOrDir)) {
                return s.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))
                        .map(AZURE_2019_NAME::matcher)
                        .filter(Matcher::matches)
                        .mapToInt(m -> Integer.parseInt(m.group(2)))
                        .sorted()
                        .findFirst()
                        .orElse(0);
            } catch (IOException e) {
                return 0;
            }
        }
        Matcher m = AZURE_2019_NAME.matcher(fileOrDir.getFileName().toString().toLowerCase(Locale.ROOT));
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    private static List<String> header(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            List<String> cols = new ArrayList<>();
            if (line == null) return cols;
            if (line.startsWith("\uFEFF")) line = line.substring(1);
            for (String c : line.split(",", -1))
                cols.add(c.trim().replace("\"", "").toLowerCase(Locale.ROOT));
            return cols;
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw BadInputException.of(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
