package gpufaas.engine.policy;

import gpufaas.engine.device.MemoryMode;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.policy.baseline.BatchPolicy;
import gpufaas.engine.policy.baseline.EstimateOrderPolicy;
import gpufaas.engine.policy.baseline.FcfsPolicy;
import gpufaas.engine.policy.baseline.PaellaSjfPolicy;
import gpufaas.engine.policy.mqfq.MqfqPolicy;
import gpufaas.engine.policy.mqfq.Selection;
import gpufaas.engine.policy.kaas.KaasBalancePolicy;
import gpufaas.engine.policy.kaas.KaasCfsPolicy;
import gpufaas.engine.policy.kaas.KaasOwnedWorkersPolicy;
import gpufaas.engine.policy.kaas.KaasStaticPolicy;
import gpufaas.engine.policy.slo.SloOrder;
import gpufaas.engine.policy.slo.SloPolicy;

import java.util.ArrayList;
import java.util.List;

/** The explicit list of queueing policies (no classpath scanning). */
public final class PolicyRegistry {
    private static final ParamSpec T = ParamSpec.ofDouble("T", 5, 0, 1e6,
            "allowed over-run: how far (virtual seconds of GPU time) a flow's start tag may run ahead of "
                    + "the global virtual time V before the flow is throttled", "allowed_overrun", "overrun");
    private static final ParamSpec TTL = ParamSpec.ofTtl("ttl", "1.5xIAT",
            "anticipatory keep-alive of an empty flow before it turns Inactive (and its memory is swapped "
                    + "out): seconds (2s, 500ms) or a multiple of the function's mean inter-arrival time "
                    + "(1.5xIAT); a negative number of seconds is read as a multiple of IAT, as Ilúvatar's ttl_sec",
            "ttl_sec");
    private static final List<PolicyDescriptor> ALL = List.of(
            mqfq("mqfq-sticky", List.of("mqfq_select_out_len", "mqfq-select-out-len"), Selection.IN_FLIGHT_THEN_LONGEST,
                    "MQFQ-Sticky, the paper's default: per-function flows with start-time fair queueing tags; a flow "
                            + "whose start tag runs more than T ahead of the global virtual time is throttled; among "
                            + "Active flows pick the one with the fewest invocations in flight, ties to the longest queue "
                            + "(longest queue when D=1), which keeps draining the same flow while its container and memory "
                            + "are on the GPU. Empty flows stay Active for the TTL; Prefetch+Swap moves memory on state changes."),
            mqfq("mqfq", List.of(), Selection.MIN_TAG_WARM,
                    "Plain MQFQ: among Active flows pick the minimum start tag, preferring a flow that has a warm container "
                            + "on the device offering the token. Same tags, T, TTL and memory hooks as mqfq-sticky."),
            mqfq("mqfq-longest", List.of("mqfq_longest"), Selection.LONGEST,
                    "MQFQ selecting the longest Active queue regardless of in-flight counts."),
            mqfq("mqfq-prev", List.of("mqfq_sticky"), Selection.PREVIOUS,
                    "MQFQ repeating the previously dispatched flow while it is Active and non-empty, else the minimum "
                            + "start tag. This is the rule Ilúvatar calls mqfq_sticky (accepted as an alias); the paper's "
                            + "MQFQ-Sticky rule is our mqfq-sticky."),
            new PolicyDescriptor("fcfs", List.of("FCFS"),
                    "First come, first served: one global FIFO, with the warm pool. Memory is unified memory without "
                            + "Prefetch+Swap (memory uvm): a container's memory stays on the device until the driver evicts it "
                            + "for another's (LRU), and comes back by demand paging when it runs again.",
                    List.of(), MemoryMode.UVM, p -> new FcfsPolicy("fcfs", true)),
            new PolicyDescriptor("fcfs-naive", List.of("fcfs_naive"),
                    "FCFS with no container pool: every invocation creates a fresh GPU container (a cold start) that is "
                            + "removed afterwards, as with plain GPU containers today.",
                    List.of(), MemoryMode.UVM, p -> new FcfsPolicy("fcfs-naive", false)),
            new PolicyDescriptor("batch", List.of("batch_all"),
                    "Batching: per-function queues; a free token takes the entire queue holding the oldest invocation and "
                            + "runs it serially in one container under one token. Later arrivals wait for the next batch.",
                    List.of(), MemoryMode.UVM, p -> new BatchPolicy("batch", Integer.MAX_VALUE)),
            new PolicyDescriptor("sized-batch", List.of("sized_batch"),
                    "Batching as batch, with at most batch_size invocations per batch.",
                    List.of(ParamSpec.ofInt("batch_size", 10, 1, 1_000_000, "largest batch", "max_batch")),
                    MemoryMode.UVM, p -> new BatchPolicy("sized-batch", p.getInt("batch_size"))),
            new PolicyDescriptor("paella-sjf", List.of("paella", "paella_sjf"),
                    "Function-level approximation of Paella's SRPT with a fairness threshold: the function whose head has "
                            + "the smallest estimated duration goes first, unless some function's deficit reached the threshold "
                            + "(then the largest deficit); each dispatch lowers the chosen deficit by 1-1/N and raises every "
                            + "other backlogged function's by 1/N.",
                    List.of(ParamSpec.ofDouble("threshold", 25, 0, 1e9, "deficit at which a function is served first",
                            "fairness_threshold")),
                    MemoryMode.UVM, p -> new PaellaSjfPolicy("paella-sjf", p.getDouble("threshold"))),
            new PolicyDescriptor("sjf", List.of("SJF"),
                    "Shortest job first: one global heap on the estimated duration at arrival (cold, GPU-cold or warm "
                            + "estimate by container state).",
                    List.of(), MemoryMode.UVM, p -> new EstimateOrderPolicy("sjf", false)),
            new PolicyDescriptor("eedf", List.of("EEDF"),
                    "Earliest expected end first: one global heap on arrival time plus estimated duration.",
                    List.of(), MemoryMode.UVM, p -> new EstimateOrderPolicy("eedf", true)),
            new PolicyDescriptor("edf", List.of("EDF"),
                    "Earliest deadline first (deadline = arrival + the function's slo_ms). Invocations without an SLO "
                            + "come after all that have one, in arrival order.",
                    List.of(), MemoryMode.UVM, p -> new SloPolicy("edf", SloOrder.EDF)),
            new PolicyDescriptor("lsf", List.of("LSF", "least-slack"),
                    "Least slack first: slack = deadline - now - estimated time to finish (start cost by container "
                            + "state + service, estimated at arrival); equivalently the latest start time first.",
                    List.of(), MemoryMode.UVM, p -> new SloPolicy("lsf", SloOrder.LSF)),
            new PolicyDescriptor("edf-warm", List.of("edf_warm"),
                    "Among the waiting invocations that can still meet their deadline (looking up to 64 deep in deadline "
                            + "order), the first whose function is warm on the freed device; otherwise EDF.",
                    List.of(), MemoryMode.UVM, p -> new SloPolicy("edf-warm", SloOrder.EDF_WARM)),
            new PolicyDescriptor("cost-aware", List.of("cost_aware"),
                    "Among the waiting invocations that can still meet their deadline (up to 64 deep), the cheapest to "
                            + "run on this kind of device (estimated run time x price); otherwise EDF. An invocation whose "
                            + "cost exceeds the budget counts as a violation. Pair with --placement cost-first to choose "
                            + "the cheapest device kind that meets each deadline.",
                    List.of(ParamSpec.ofDouble("budget", 0, 0, 1e12, "largest acceptable cost of one invocation "
                            + "(price x seconds); 0: no budget")),
                    MemoryMode.UVM, p -> new SloPolicy("cost-aware", SloOrder.COST_AWARE)),
            new PolicyDescriptor("kaas-balance", List.of("kaas_balance", "balance"),
                    "Kernel-as-a-Service, one shared FCFS pool: any GPU worker runs any tenant (function); no per-tenant "
                            + "worker starts, but a tenant's first request on a worker loads its kernels (kernel_load_ms) "
                            + "and data (footprint over the host link): a cache miss, kept in an LRU data cache.",
                    List.of(), MemoryMode.PREFETCH_ONLY, p -> new KaasBalancePolicy()),
            new PolicyDescriptor("kaas-exclusive", List.of("kaas_exclusive", "exclusive"),
                    "Kernel-as-a-Service with private workers: one worker per GPU, owned by one tenant. A waiting tenant "
                            + "grows by taking a freed worker of a largest tenant when it has none or one more still leaves "
                            + "it below the largest; the old worker is killed and a new one started (a cold start). "
                            + "Thrashes when tenants outnumber GPUs.",
                    List.of(), MemoryMode.PREFETCH_ONLY, p -> new KaasOwnedWorkersPolicy("kaas-exclusive", false)),
            new PolicyDescriptor("kaas-affinity", List.of("kaas_affinity", "affinity"),
                    "As kaas-exclusive, but workers move between tenants instead of being killed: no process start, the "
                            + "moved worker's cache holds another tenant's data (a kernel load and data upload).",
                    List.of(), MemoryMode.PREFETCH_ONLY, p -> new KaasOwnedWorkersPolicy("kaas-affinity", true)),
            new PolicyDescriptor("kaas-static", List.of("kaas_static", "static"),
                    "Kernel-as-a-Service with fixed partitions: tenant i is bound to GPU i mod G with its own worker; each "
                            + "GPU serves its tenants FCFS. Several tenants on one GPU share it by time slicing, or as "
                            + "fractional GPUs through the MPS model with --mps on (each gets 100/D percent of the threads).",
                    List.of(), MemoryMode.PREFETCH_ONLY, p -> new KaasStaticPolicy()),
            new PolicyDescriptor("kaas-cfs", List.of("kaas_cfs", "cfs"),
                    "Kernel-as-a-Service, shared workers scheduled like CFS: per-tenant virtual time advanced per request "
                            + "by its weight (estimated GPU-seconds per request / the function's weight); a free worker "
                            + "picks the smallest effective virtual time, where a tenant whose data is not on this GPU pays "
                            + "penalty x its weight.",
                    List.of(ParamSpec.ofDouble("penalty", 10, 0, 1e6, "off-affinity penalty in multiples of the tenant's weight")),
                    MemoryMode.PREFETCH_ONLY, p -> new KaasCfsPolicy(p.getDouble("penalty"))));

    private PolicyRegistry() { }

    private static PolicyDescriptor mqfq(String name, List<String> aliases, Selection sel, String description) {
        return new PolicyDescriptor(name, aliases, description, List.of(T, TTL), MemoryMode.PREFETCH_SWAP,
                p -> new MqfqPolicy(name, sel, p.getDouble("T"), p.getTtl("ttl")));
    }

    public static List<PolicyDescriptor> all() { return ALL; }

    /** The policy answering to {@code name} (a name or alias), or a BadInputException listing the known ones. */
    public static PolicyDescriptor find(String name, String source) {
        for (PolicyDescriptor d : ALL) if (d.answersTo(name)) return d;
        List<String> names = new ArrayList<>();
        for (PolicyDescriptor d : ALL) names.add(d.name());
        throw new BadInputException(source, 0, "policy", "unknown policy '" + name + "'; known: " + String.join(", ", names));
    }
}
