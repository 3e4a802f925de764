package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import gpufaas.workload.json.FirstKeyDeduction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an experiment's functions and arrivals come from: generated {@code functions}, an
 * Ilúvatar trace ({@code trace_csv} with {@code functions_csv}), the Azure 2019 dataset, the Azure
 * 2021 trace, or an Azure-like synthetic workload ({@code azure_like}). Jackson tells them apart by
 * their keys (type deduction, decided by the first key so errors inside keep their lines), so the
 * JSON needs no type field and keeps its shape; keys of two kinds in one workload, or none, are one
 * error naming the choices ({@code KnownKeys}). Paths are relative to the experiment file.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonTypeResolver(FirstKeyDeduction.Resolver.class)
@JsonSubTypes({
    @JsonSubTypes.Type(WorkloadSpec.Generated.class),
    @JsonSubTypes.Type(WorkloadSpec.Trace.class),
    @JsonSubTypes.Type(WorkloadSpec.Azure2019.class),
    @JsonSubTypes.Type(WorkloadSpec.Azure2021.class),
    @JsonSubTypes.Type(WorkloadSpec.AzureLike.class)
})
public sealed interface WorkloadSpec {

    /** true when the arrivals are generated from the experiment's seed rather than read from files. */
    default boolean generatedFromSeed() {
        return false;
    }

    /** Generated arrivals for the given functions. */
    static WorkloadSpec of(List<FunctionEntry> functions) {
        return new Generated(functions);
    }

    /** Functions (catalog ones or explicit timings), each with its arrival process. */
    record Generated(List<FunctionEntry> functions) implements WorkloadSpec {
        public Generated {
            require(functions != null && !functions.isEmpty(), "functions", "needs at least one function");
            functions = List.copyOf(functions);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < functions.size(); i++) {
                FunctionEntry f = functions.get(i);
                require(names.add(f.name()), "functions[" + i + "].name", "duplicate function name '" + f.name() + "'");
                require(
                        f.arrival() != null,
                        "functions[" + i + "].arrival",
                        "is required (e.g. {\"process\": \"poisson\", \"rate_per_s\": 1})");
            }
        }

        @Override
        public boolean generatedFromSeed() {
            return true;
        }
    }

    /** An Ilúvatar trace: the functions CSV and the trace CSV of their invocations. */
    record Trace(String functionsCsv, String traceCsv) implements WorkloadSpec {
        public Trace {
            require(traceCsv != null, "trace_csv", "is required with functions_csv (the arrivals)");
            require(functionsCsv != null, "functions_csv", "is required with trace_csv (the functions)");
        }
    }

    /** The {@code azure2019} block. */
    record Azure2019(Azure2019Spec azure2019) implements WorkloadSpec {
        public Azure2019 {
            require(azure2019 != null, "azure2019", "is required");
        }
    }

    /** The {@code azure2021} block. */
    record Azure2021(Azure2021Spec azure2021) implements WorkloadSpec {
        public Azure2021 {
            require(azure2021 != null, "azure2021", "is required");
        }
    }

    /** The {@code azure_like} block. */
    record AzureLike(AzureLikeSpec azureLike) implements WorkloadSpec {
        public AzureLike {
            require(azureLike != null, "azure_like", "is required");
        }

        @Override
        public boolean generatedFromSeed() {
            return true;
        }
    }
}
