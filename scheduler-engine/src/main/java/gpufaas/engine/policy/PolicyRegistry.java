package gpufaas.engine.policy;

import static gpufaas.engine.device.MemoryMode.PREFETCH_ONLY;
import static gpufaas.engine.device.MemoryMode.UVM;
import static gpufaas.engine.policy.Characteristic.NO_WARM_POOL;
import static gpufaas.engine.policy.Characteristic.ONE_WORKER_PER_DEVICE;
import static gpufaas.engine.policy.Characteristic.PINS_DEVICES;
import static gpufaas.engine.policy.Characteristic.SHARED_WORKERS;

import gpufaas.engine.device.MemoryMode;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.policy.baseline.BatchPolicy;
import gpufaas.engine.policy.baseline.EstimateOrderPolicy;
import gpufaas.engine.policy.baseline.FcfsPolicy;
import gpufaas.engine.policy.baseline.PaellaSjfPolicy;
import gpufaas.engine.policy.kaas.KaasBalancePolicy;
import gpufaas.engine.policy.kaas.KaasCfsPolicy;
import gpufaas.engine.policy.kaas.KaasOwnedWorkersPolicy;
import gpufaas.engine.policy.kaas.KaasStaticPolicy;
import gpufaas.engine.policy.mqfq.MqfqPolicy;
import gpufaas.engine.policy.mqfq.Selection;
import gpufaas.engine.policy.slo.SloOrder;
import gpufaas.engine.policy.slo.SloPolicy;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.registry.Registry;
import java.util.List;

/**
 * The explicit list of queueing policies (no classpath scanning): each entry declares its name once,
 * with its aliases, description, parameters, memory management, characteristics and factory.
 */
public final class PolicyRegistry {
    private static final ParamSpec T = ParamSpec.ofDouble(
            "T",
            5,
            0,
            1e6,
            "allowed over-run: how far (virtual seconds of GPU time) a flow's start tag may run ahead of "
                    + "the global virtual time V before the flow is throttled",
            "allowed_overrun",
            "overrun");
    private static final ParamSpec TTL = ParamSpec.ofTtl(
            "ttl",
            "1.5xIAT",
            "anticipatory keep-alive of an empty flow before it turns Inactive (and its memory is swapped "
                    + "out): seconds (2s, 500ms) or a multiple of the function's mean inter-arrival time "
                    + "(1.5xIAT); a negative number of seconds is read as a multiple of IAT, as Ilúvatar's ttl_sec",
            "ttl_sec");
    private static final Registry<PolicyFactory> REGISTRY = new Registry<>(
            "policy",
            "policy",
            List.of(
                    mqfq(
                            "mqfq-sticky",
                            List.of("mqfq_select_out_len", "mqfq-select-out-len"),
                            Selection.IN_FLIGHT_THEN_LONGEST,
                            "MQFQ-Sticky, the paper's default: per-function flows with start-time fair queueing tags; a flow "
                                    + "whose start tag runs more than T ahead of the global virtual time is throttled; among "
                                    + "Active flows pick the one with the fewest invocations in flight, ties to the longest queue "
                                    + "(longest queue when D=1), which keeps draining the same flow while its container and memory "
                                    + "are on the GPU. Empty flows stay Active for the TTL; Prefetch+Swap moves memory on state changes."),
                    mqfq(
                            "mqfq",
                            List.of(),
                            Selection.MIN_TAG_WARM,
                            "Plain MQFQ: among Active flows pick the minimum start tag, preferring a flow that has a warm container "
                                    + "on the device offering the token. Same tags, T, TTL and memory hooks as mqfq-sticky."),
                    mqfq(
                            "mqfq-longest",
                            List.of("mqfq_longest"),
                            Selection.LONGEST,
                            "MQFQ selecting the longest Active queue regardless of in-flight counts."),
                    mqfq(
                            "mqfq-prev",
                            List.of("mqfq_sticky"),
                            Selection.PREVIOUS,
                            "MQFQ repeating the previously dispatched flow while it is Active and non-empty, else the minimum "
                                    + "start tag. This is the rule Ilúvatar calls mqfq_sticky (accepted as an alias); the paper's "
                                    + "MQFQ-Sticky rule is our mqfq-sticky."),
                    new Entry<>(
                            "fcfs",
                            List.of("FCFS"),
                            "First come, first served: one global FIFO, with the warm pool. Memory is unified memory without "
                                    + "Prefetch+Swap (memory uvm): a container's memory stays on the device until the driver evicts it "
                                    + "for another's (LRU), and comes back by demand paging when it runs again.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new FcfsPolicy(ctx))),
                    new Entry<>(
                            "fcfs-naive",
                            List.of("fcfs_naive"),
                            "FCFS with no container pool: every invocation creates a fresh GPU container (a cold start) that is "
                                    + "removed afterwards, as with plain GPU containers today.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new FcfsPolicy(ctx), NO_WARM_POOL)),
                    new Entry<>(
                            "batch",
                            List.of("batch_all"),
                            "Batching: per-function queues; a free token takes the entire queue holding the oldest invocation and "
                                    + "runs it serially in one container under one token. Later arrivals wait for the next batch.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new BatchPolicy(ctx, Integer.MAX_VALUE))),
                    new Entry<>(
                            "sized-batch",
                            List.of("sized_batch"),
                            "Batching as batch, with at most batch_size invocations per batch.",
                            List.of(ParamSpec.ofInt("batch_size", 10, 1, 1_000_000, "largest batch", "max_batch")),
                            PolicyFactory.of(UVM, (ctx, p) -> new BatchPolicy(ctx, p.getInt("batch_size")))),
                    new Entry<>(
                            "paella-sjf",
                            List.of("paella", "paella_sjf"),
                            "Function-level approximation of Paella's SRPT with a fairness threshold: the function whose head has "
                                    + "the smallest estimated duration goes first, unless some function's deficit reached the threshold "
                                    + "(then the largest deficit); each dispatch lowers the chosen deficit by 1-1/N and raises every "
                                    + "other backlogged function's by 1/N.",
                            List.of(ParamSpec.ofDouble(
                                    "threshold",
                                    25,
                                    0,
                                    1e9,
                                    "deficit at which a function is served first",
                                    "fairness_threshold")),
                            PolicyFactory.of(UVM, (ctx, p) -> new PaellaSjfPolicy(ctx, p.getDouble("threshold")))),
                    new Entry<>(
                            "sjf",
                            List.of("SJF"),
                            "Shortest job first: one global heap on the estimated duration at arrival (cold, GPU-cold or warm "
                                    + "estimate by container state).",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new EstimateOrderPolicy(ctx, false))),
                    new Entry<>(
                            "eedf",
                            List.of("EEDF"),
                            "Earliest expected end first: one global heap on arrival time plus estimated duration.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new EstimateOrderPolicy(ctx, true))),
                    new Entry<>(
                            "edf",
                            List.of("EDF"),
                            "Earliest deadline first (deadline = arrival + the function's slo_ms). Invocations without an SLO "
                                    + "come after all that have one, in arrival order.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new SloPolicy(ctx, SloOrder.EDF))),
                    new Entry<>(
                            "lsf",
                            List.of("LSF", "least-slack"),
                            "Least slack first: slack = deadline - now - estimated time to finish (start cost by container "
                                    + "state + service, estimated at arrival); equivalently the latest start time first.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new SloPolicy(ctx, SloOrder.LSF))),
                    new Entry<>(
                            "edf-warm",
                            List.of("edf_warm"),
                            "Among the waiting invocations that can still meet their deadline (looking up to 64 deep in deadline "
                                    + "order), the first whose function is warm on the freed device; otherwise EDF.",
                            List.of(),
                            PolicyFactory.of(UVM, (ctx, p) -> new SloPolicy(ctx, SloOrder.EDF_WARM))),
                    new Entry<>(
                            "cost-aware",
                            List.of("cost_aware"),
                            "Among the waiting invocations that can still meet their deadline (up to 64 deep), the cheapest to "
                                    + "run on this kind of device (estimated run time x price); otherwise EDF. An invocation whose "
                                    + "cost exceeds the budget counts as a violation. Pair with --placement cost-first to choose "
                                    + "the cheapest device kind that meets each deadline.",
                            List.of(ParamSpec.ofDouble(
                                    "budget",
                                    0,
                                    0,
                                    1e12,
                                    "largest acceptable cost of one invocation " + "(price x seconds); 0: no budget")),
                            PolicyFactory.of(
                                    UVM, (ctx, p) -> new SloPolicy(ctx, SloOrder.COST_AWARE, p.getDouble("budget")))),
                    new Entry<>(
                            "kaas-balance",
                            List.of("kaas_balance", "balance"),
                            "Kernel-as-a-Service, one shared FCFS pool: any GPU worker runs any tenant (function); no per-tenant "
                                    + "worker starts, but a tenant's first request on a worker loads its kernels (kernel_load_ms) "
                                    + "and data (footprint over the host link): a cache miss, kept in an LRU data cache.",
                            List.of(),
                            PolicyFactory.of(PREFETCH_ONLY, (ctx, p) -> new KaasBalancePolicy(ctx), SHARED_WORKERS)),
                    new Entry<>(
                            "kaas-exclusive",
                            List.of("kaas_exclusive", "exclusive"),
                            "Kernel-as-a-Service with private workers: one worker per GPU, owned by one tenant. A waiting tenant "
                                    + "grows by taking a freed worker of a largest tenant when it has none or one more still leaves "
                                    + "it below the largest; the old worker is killed and a new one started (a cold start). "
                                    + "Thrashes when tenants outnumber GPUs.",
                            List.of(),
                            PolicyFactory.of(
                                    PREFETCH_ONLY,
                                    (ctx, p) -> new KaasOwnedWorkersPolicy(ctx),
                                    ONE_WORKER_PER_DEVICE,
                                    PINS_DEVICES)),
                    new Entry<>(
                            "kaas-affinity",
                            List.of("kaas_affinity", "affinity"),
                            "As kaas-exclusive, but workers move between tenants instead of being killed: no process start, the "
                                    + "moved worker's cache holds another tenant's data (a kernel load and data upload).",
                            List.of(),
                            PolicyFactory.of(
                                    PREFETCH_ONLY,
                                    (ctx, p) -> new KaasOwnedWorkersPolicy(ctx),
                                    SHARED_WORKERS,
                                    ONE_WORKER_PER_DEVICE,
                                    PINS_DEVICES)),
                    new Entry<>(
                            "kaas-static",
                            List.of("kaas_static", "static"),
                            "Kernel-as-a-Service with fixed partitions: tenant i is bound to GPU i mod G with its own worker; each "
                                    + "GPU serves its tenants FCFS. Several tenants on one GPU share it by time slicing, or as "
                                    + "fractional GPUs through the MPS model with --mps on (each gets 100/D percent of the threads).",
                            List.of(),
                            PolicyFactory.of(PREFETCH_ONLY, (ctx, p) -> new KaasStaticPolicy(ctx), PINS_DEVICES)),
                    new Entry<>(
                            "kaas-cfs",
                            List.of("kaas_cfs", "cfs"),
                            "Kernel-as-a-Service, shared workers scheduled like CFS: per-tenant virtual time advanced per request "
                                    + "by its weight (estimated GPU-seconds per request / the function's weight); a free worker "
                                    + "picks the smallest effective virtual time, where a tenant whose data is not on this GPU pays "
                                    + "penalty x its weight.",
                            List.of(ParamSpec.ofDouble(
                                    "penalty", 10, 0, 1e6, "off-affinity penalty in multiples of the tenant's weight")),
                            PolicyFactory.of(
                                    PREFETCH_ONLY,
                                    (ctx, p) -> new KaasCfsPolicy(ctx, p.getDouble("penalty")),
                                    SHARED_WORKERS,
                                    PINS_DEVICES))));

    private PolicyRegistry() {}

    /** An MQFQ variant: the selection rule is what tells them apart. */
    private static Entry<PolicyFactory> mqfq(String name, List<String> aliases, Selection sel, String description) {
        return new Entry<>(
                name,
                aliases,
                description,
                List.of(T, TTL),
                PolicyFactory.of(
                        MemoryMode.PREFETCH_SWAP,
                        (ctx, p) -> new MqfqPolicy(ctx, sel, p.getDouble("T"), p.getTtl("ttl"))));
    }

    /** Every policy, in listing order. */
    public static List<Entry<PolicyFactory>> all() {
        return REGISTRY.all();
    }

    /** The policy answering to {@code name} (a name or alias), or a BadInputException listing the known ones. */
    public static Entry<PolicyFactory> find(String name, String source) {
        return REGISTRY.find(name, source);
    }

    /** The registry itself (names, parameter look-up). */
    public static Registry<PolicyFactory> registry() {
        return REGISTRY;
    }
}
