package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code workload.azure_like} block: an Azure-like synthetic workload generated from the
 * experiment's seed (see {@link AzureLikeWorkload}): {@code functions} catalog functions with
 * lognormal popularity of spread {@code sigma}, Poisson arrivals scaled so that the offered load
 * is {@code offered_load} of the experiment's GPUs; with {@code popular_short} (default true) the
 * most popular functions are the shortest. Defaults: 24 functions, sigma 2.
 */
@JsonPropertyOrder({"functions", "offered_load", "sigma", "popular_short"})
public record AzureLikeSpec(Integer functions, Double offeredLoad, Double sigma, Boolean popularShort) {
    public AzureLikeSpec {
        if (functions == null) functions = 24;
        if (popularShort == null) popularShort = true;
        if (sigma == null) sigma = AzureLikeWorkload.SIGMA;
        require(functions >= 1 && functions <= 1_000_000, "functions", "must be 1..1000000");
        require(
                offeredLoad != null && offeredLoad > 0 && Double.isFinite(offeredLoad),
                "offered_load",
                "is required: the share of the GPUs the workload keeps busy, e.g. 0.75");
        require(sigma >= 0 && Double.isFinite(sigma), "sigma", "must be >= 0");
    }
}
