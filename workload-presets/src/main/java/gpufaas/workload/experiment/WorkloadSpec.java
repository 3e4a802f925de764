package gpufaas.workload.experiment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static gpufaas.workload.json.FieldProblem.require;

/**
 * Where an experiment's functions and arrivals come from: exactly one of generated
 * {@code functions}, an Ilúvatar trace ({@code trace_csv} with {@code functions_csv}), the Azure
 * 2019 dataset, the Azure 2021 trace, or an Azure-like synthetic workload ({@code azure_like}). Paths are relative to the experiment file.
 */
@JsonPropertyOrder({"functions", "functions_csv", "trace_csv", "azure2019", "azure2021", "azure_like"})
public record WorkloadSpec(List<FunctionEntry> functions, String functionsCsv, String traceCsv,
                           Azure2019Spec azure2019, Azure2021Spec azure2021, AzureLikeSpec azureLike) {
    public WorkloadSpec {
        functions = functions == null ? null : List.copyOf(functions);
        int kinds = (functions != null ? 1 : 0) + (traceCsv != null || functionsCsv != null ? 1 : 0)
                + (azure2019 != null ? 1 : 0) + (azure2021 != null ? 1 : 0) + (azureLike != null ? 1 : 0);
        require(kinds == 1, "workload", "give exactly one of: functions, trace_csv with functions_csv, azure2019, azure2021, azure_like");
        require(functions == null || !functions.isEmpty(), "functions", "needs at least one function");
        require(functionsCsv == null || traceCsv != null, "trace_csv", "is required with functions_csv (the arrivals)");
        require(traceCsv == null || functionsCsv != null, "functions_csv", "is required with trace_csv (the functions)");
        if (functions != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < functions.size(); i++) {
                FunctionEntry f = functions.get(i);
                require(names.add(f.name()), "functions[" + i + "].name", "duplicate function name '" + f.name() + "'");
                require(f.arrival() != null, "functions[" + i + "].arrival", "is required (e.g. {\"process\": \"poisson\", \"rate_per_s\": 1})");
            }
        }
    }

    /** Generated arrivals for the given functions. */
    public static WorkloadSpec of(List<FunctionEntry> functions) {
        return new WorkloadSpec(functions, null, null, null, null, null);
    }
}
