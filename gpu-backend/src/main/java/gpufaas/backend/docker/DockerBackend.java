package gpufaas.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.time.WallClockTimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the engine's decisions as real containers. A cold start creates and starts a container
 * (its keep-alive command as PID 2 under {@code docker-init}); an invocation is an exec of the
 * function's command in it; the engine's warm pool decides which containers stay and which are
 * removed. Every container runs unprivileged (user 65534, all capabilities dropped,
 * no-new-privileges, read-only root, no network) with memory, CPU and pid limits, and carries the
 * workbench's labels ({@link DockerLabels}); all of a run's containers are removed when it ends,
 * also when the JVM is stopped, and those of a killed process at the next start.
 *
 * <p>GPU memory is not the app's to move through Docker: {@link #moveMemory} is bookkeeping only
 * (reported at once). Blocking engine calls run on virtual threads; results are posted to the
 * engine's wall clock. When the engine stops answering, the backend aborts the run
 * ({@link BackendCallbacks#abort}) and fails everything still asked of it with that reason.
 */
public final class DockerBackend implements ExecutionBackend {
    /** A finished exec as measured here (for benchmarks): wall nanoseconds of the whole exec round trip. */
    public record ExecTiming(long invocationId, boolean cold, long createStartNanos, long execNanos) {}

    private final DockerClient docker;
    /** a second client for exec output streams, which stay silent as long as the function runs */
    private final DockerClient streams;

    private final DockerOptions opt;
    private final String runId;
    private final String builtin;
    private final boolean gpuContainers;
    private final double cpuBytesPerMs;
    private final List<String> notes = new ArrayList<>();
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    /** removals the engine asked for (destroyContainer) that have not finished yet; close() waits for them */
    private final Set<CompletableFuture<Void>> pendingRemovals = ConcurrentHashMap.newKeySet();

    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicBoolean abortPosted = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile String abortReason;
    private volatile Consumer<ExecTiming> timings;
    private BackendCallbacks cb;
    private WallClockTimeSource wall;
    private boolean closed;

    /** One container as Docker knows it. */
    private static final class Slot {
        volatile String dockerId;
        volatile long createStartNanos;
        final CompletableFuture<Void> created = new CompletableFuture<>();
    }

    private DockerBackend(
            DockerClient docker,
            DockerClient streams,
            DockerOptions opt,
            DockerStatus status,
            boolean needBuiltin,
            String runId) {
        this.docker = docker;
        this.streams = streams;
        this.opt = opt;
        this.runId = runId;
        List<String> gone = DockerLabels.removeLeftovers(docker);
        if (!gone.isEmpty())
            notes.add("removed " + gone.size() + " container(s) left behind by an earlier workbench process");
        this.builtin = needBuiltin ? BuiltinImage.ensure(docker) : null;
        for (Map.Entry<String, FunctionImage> e : new TreeMap<>(opt.functions()).entrySet()) {
            try {
                docker.inspectImageCmd(e.getValue().image()).exec();
            } catch (NotFoundException absent) {
                throw new IllegalStateException(
                        "function '" + e.getKey() + "': image '" + e.getValue().image()
                                + "' is not on the Docker engine (the workbench pulls nothing: docker pull or build it first)");
            }
        }
        boolean gpu = switch (opt.gpus()) {
            case "on" -> {
                if (!status.nvidiaRuntime()) throw new IllegalStateException("gpus=on, but " + status.gpuSupport());
                yield true;
            }
            case "off" -> false;
            default -> status.nvidiaRuntime();
        };
        this.gpuContainers = gpu;
        if (!gpu) notes.add(opt.gpus().equals("off") ? "containers run without a GPU (gpus=off)" : status.gpuSupport());
        this.cpuBytesPerMs = needBuiltin && opt.work().equals("cpu") ? calibrateCpu() : Double.NaN;
        if (!Double.isNaN(cpuBytesPerMs)) {
            notes.add(String.format(
                    Locale.ROOT, "cpu work calibrated: %.0f bytes hashed per ms in one container", cpuBytesPerMs));
        }
        this.shutdownHook = new Thread(this::removeRunContainers, "docker-backend-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens the backend on the engine named by DOCKER_HOST (or the local socket) for functions
     * {@code fns}. Throws {@link IllegalStateException} with one line saying why it cannot run
     * (engine unreachable, busybox missing, no NVIDIA runtime with gpus=on).
     */
    public static DockerBackend open(DockerOptions opt, List<FunctionSpec> fns) {
        return open(opt, fns, null);
    }

    /** As {@link #open(DockerOptions, List)} on the engine at {@code host} (null: DOCKER_HOST or the local socket). */
    public static DockerBackend open(DockerOptions opt, List<FunctionSpec> fns, String host) {
        DockerClient c = DockerConnection.open(host);
        DockerStatus st = DockerConnection.probe(c, host != null ? host : DockerConnection.host());
        if (!st.available()) {
            closeQuietly(c);
            throw new IllegalStateException(st.reason());
        }
        boolean needBuiltin = false;
        for (FunctionSpec f : fns) if (!opt.functions().containsKey(f.name())) needBuiltin = true;
        DockerClient s = DockerConnection.open(host, Duration.ofDays(1));
        try {
            return new DockerBackend(c, s, opt, st, needBuiltin, newRunId());
        } catch (RuntimeException e) {
            closeQuietly(c);
            closeQuietly(s);
            if (e instanceof IllegalStateException) throw e;
            throw new IllegalStateException("docker: " + DockerConnection.cause(e), e);
        }
    }

    static String newRunId() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return Long.toString(ProcessHandle.current().pid(), 36) + "-"
                + HexFormat.of().formatHex(b);
    }

    @Override
    public String name() {
        return "docker";
    }

    /** This run's id (the {@link DockerLabels#RUN} label on its containers). */
    public String runId() {
        return runId;
    }

    /** What the user should know about how this backend runs (GPU support, calibration, clean-up). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Receives each finished exec's measured times (from the backend's threads). */
    public void onTimings(Consumer<ExecTiming> sink) {
        this.timings = sink;
    }

    @Override
    public void attach(BackendCallbacks callbacks) {
        if (!(callbacks.time() instanceof WallClockTimeSource w)) {
            throw new IllegalStateException("the docker backend runs on the wall clock");
        }
        this.cb = callbacks;
        this.wall = w;
    }

    private void post(Runnable r) {
        wall.post(now -> r.run());
    }

    // ------------------------------------------------------------------ operations

    @Override
    public void createContainer(Container c, Invocation inv) {
        Slot slot = new Slot();
        slots.put(c.id, slot);
        if (abortReason != null) {
            slot.created.complete(null);
            post(() -> cb.failed(inv, c, "not run: " + abortReason));
            return;
        }
        FunctionSpec f = c.function;
        Device d = c.device;
        CreateContainerCmd cmd = createCommand(f, d, c.id);
        pool.execute(() -> {
            long t0 = System.nanoTime();
            try {
                String id = cmd.exec().getId();
                slot.dockerId = id;
                docker.startContainerCmd(id).exec();
                slot.createStartNanos = System.nanoTime() - t0;
                slot.created.complete(null);
                post(() -> {
                    if (!c.destroyed()) cb.containerReady(c, inv);
                });
            } catch (Throwable e) {
                slot.created.complete(null);
                fail(inv, c, slot, "container start failed", e);
            }
        });
    }

    /** The create command for a container of {@code f} on {@code d} (nothing is sent until exec). */
    CreateContainerCmd createCommand(FunctionSpec f, Device d, long containerId) {
        FunctionImage custom = opt.functions().get(f.name());
        String image = custom != null ? custom.image() : builtin;
        List<String> keepAlive = custom != null ? custom.keepAlive() : BuiltinImage.KEEP_ALIVE;
        HostConfig hc = hostConfig(d);
        List<String> env = new ArrayList<>();
        if (custom != null) custom.env().forEach((k, v) -> env.add(k + "=" + v));
        env.addAll(gpuEnv(d));
        return docker.createContainerCmd(image)
                .withName("gpufaas-" + runId + "-" + containerId)
                .withLabels(DockerLabels.of(runId, f.name()))
                .withCmd(keepAlive)
                .withEnv(env)
                .withUser("65534:65534")
                .withNetworkDisabled(true)
                .withHostConfig(hc);
    }

    HostConfig hostConfig(Device d) {
        return hostConfig(opt, gpuContainers && d != null && d.kind == DeviceKind.GPU ? gpuDeviceId(d) : null);
    }

    /** The limits and isolation of every container; with {@code gpuDeviceId}, a request for that NVIDIA device. */
    public static HostConfig hostConfig(DockerOptions opt, String gpuDeviceId) {
        long mem = (long) opt.memoryMb() * 1024 * 1024;
        HostConfig hc = HostConfig.newHostConfig()
                .withInit(true)
                .withMemory(mem)
                .withMemorySwap(mem)
                .withNanoCPUs(Math.round(opt.cpus() * 1e9))
                .withPidsLimit((long) opt.pids())
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withPrivileged(false);
        if (gpuDeviceId != null) {
            hc.withDeviceRequests(List.of(new DeviceRequest()
                    .withDriver("nvidia")
                    .withDeviceIds(List.of(gpuDeviceId))
                    .withCapabilities(List.of(List.of("gpu", "compute", "utility")))));
        }
        return hc;
    }

    /** The NVIDIA device id: the GPU's index, or {@code GPU:INSTANCE} for a MIG instance. */
    static String gpuDeviceId(Device d) {
        if (d.computeShare >= 1.0) return Integer.toString(d.physicalGpu);
        return d.physicalGpu + ":" + migInstanceOf(d);
    }

    private static int migInstanceOf(Device d) {
        int dash = d.name.lastIndexOf('-');
        try {
            return Integer.parseInt(d.name.substring(dash + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** MPS settings for a GPU container on an MPS-shared device. */
    List<String> gpuEnv(Device d) {
        return gpuContainers && d != null ? mpsEnv(d) : List.of();
    }

    /** The MPS environment of a container on {@code d}: its thread percentage and pinned memory limit; none without MPS. */
    static List<String> mpsEnv(Device d) {
        if (d.kind != DeviceKind.GPU || !d.mps) return List.of();
        List<String> env = new ArrayList<>();
        env.add("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=" + Num.fixed(d.mpsThreadPct, 0));
        env.add("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT=0=" + Num.fixed(d.memoryMb, 0) + "M");
        return env;
    }

    /**
     * The function's warm time on device {@code d} alone: on a GPU its reference warm time over the
     * profile's speed and the device's compute share (as the simulator has it), on the CPU pool its
     * CPU warm time.
     */
    static double warmMsOn(FunctionSpec f, Device d) {
        return d == null ? f.gpuWarmMs() : ExecutionModel.warmOnDeviceMs(d, f);
    }

    /** The argument vector one invocation of {@code f} on {@code d} execs. */
    List<String> command(FunctionSpec f, Device d) {
        double warm = warmMsOn(f, d);
        FunctionImage custom = opt.functions().get(f.name());
        if (custom != null) return custom.commandFor(warm, f.gpuMemMb());
        if (opt.work().equals("cpu")) return BuiltinImage.cpuCommand(Math.round(warm * cpuBytesPerMs));
        return BuiltinImage.sleepCommand(warm);
    }

    @Override
    public void execute(Invocation inv, Container c) {
        Slot slot = slots.get(c.id);
        if (slot == null || slot.dockerId == null || abortReason != null) {
            String why = abortReason != null ? "not run: " + abortReason : "container " + c.id + " is not running";
            post(() -> cb.failed(inv, c, why));
            return;
        }
        List<String> argv = command(c.function, c.device);
        long timeoutMs = opt.execTimeoutMs(warmMsOn(c.function, c.device));
        boolean cold = inv.coldStart;
        pool.execute(() -> {
            long t0 = System.nanoTime();
            String id = slot.dockerId;
            try {
                String exec = docker.execCreateCmd(id)
                        .withCmd(argv.toArray(String[]::new))
                        .withAttachStdout(true)
                        .withAttachStderr(true)
                        .exec()
                        .getId();
                Tail tail = streams.execStartCmd(exec).exec(new Tail());
                boolean finished = tail.awaitCompletion(timeoutMs, TimeUnit.MILLISECONDS);
                if (!finished) {
                    // the engine removes a failed invocation's container (destroyContainer), which ends the exec
                    closeQuietly(tail);
                    post(() -> cb.failed(
                            inv,
                            c,
                            String.format(
                                    Locale.ROOT,
                                    "exec timed out after %.3f s (container removed)",
                                    timeoutMs / 1000.0)));
                    return;
                }
                if (tail.error != null) throw tail.error;
                InspectExecResponse r = docker.inspectExecCmd(exec).exec();
                Long code = r.getExitCodeLong();
                long took = System.nanoTime() - t0;
                if (code != null && code == 0) {
                    Consumer<ExecTiming> sink = timings;
                    if (sink != null) sink.accept(new ExecTiming(inv.id, cold, cold ? slot.createStartNanos : 0, took));
                    post(() -> cb.executed(inv, c));
                    return;
                }
                String why = diedReason(id);
                // killed by a signal: the container's own state may trail the exec's end by a moment
                for (int i = 0; why == null && (code == null || code >= 128) && i < 20; i++) {
                    Thread.sleep(50);
                    why = diedReason(id);
                }
                if (why == null) why = "exit status " + code + (tail.text().isEmpty() ? "" : ": " + tail.text());
                String reason = why;
                post(() -> cb.failed(inv, c, reason));
            } catch (Throwable e) {
                fail(inv, c, slot, "exec failed", e);
            }
        });
    }

    /** Why the container is no longer running, or null when it runs. */
    private String diedReason(String id) {
        try {
            InspectContainerResponse.ContainerState s =
                    docker.inspectContainerCmd(id).exec().getState();
            if (s == null || Boolean.TRUE.equals(s.getRunning())) return null;
            return "container died during the invocation (exit " + s.getExitCodeLong()
                    + (Boolean.TRUE.equals(s.getOOMKilled()) ? ", out of memory" : "") + ")";
        } catch (NotFoundException e) {
            return "container was removed during the invocation";
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void fail(Invocation inv, Container c, Slot slot, String what, Throwable e) {
        String reason;
        if (abortReason != null) {
            reason = "not run: " + abortReason;
        } else if (DockerConnection.isConnectionFailure(e) && !engineAnswers()) {
            reason = "docker engine went away: " + DockerConnection.cause(e);
            abort(reason);
        } else if (e instanceof NotFoundException && slot.dockerId != null) {
            String died = diedReason(slot.dockerId);
            reason = died != null ? died : what + ": " + DockerConnection.cause(e);
        } else {
            reason = what + ": " + DockerConnection.cause(e);
        }
        post(() -> cb.failed(inv, c, reason)); // the engine then removes the container (destroyContainer)
    }

    private boolean engineAnswers() {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void abort(String reason) {
        if (abortReason == null) abortReason = reason;
        if (abortPosted.compareAndSet(false, true)) post(() -> cb.abort(reason));
    }

    @Override
    public void moveMemory(Container c, boolean toDevice) {
        post(() -> cb.memoryMoved(c, toDevice));
    }

    @Override
    public void destroyContainer(Container c) {
        Slot slot = slots.remove(c.id);
        if (slot == null) return;
        CompletableFuture<Void> removal = slot.created.thenRunAsync(
                () -> {
                    if (slot.dockerId != null && abortReason == null) removeQuietly(slot.dockerId);
                },
                pool);
        pendingRemovals.add(removal);
        removal.whenComplete((v, e) -> pendingRemovals.remove(removal));
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (RuntimeException e) {
            // gone already, or the engine is gone: the label clean-up takes it later
        }
    }

    /** Removes every container of this run (at the end, and from the shutdown hook). */
    private void removeRunContainers() {
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String id : runContainers()) all.add(CompletableFuture.runAsync(() -> removeQuietly(id), ex));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            // a container whose removal was already under way answers "removal in progress" (409) and is
            // still listed for a moment: wait, at most 10 s, until none of this run's is left
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (List<String> left = runContainers();
                    !left.isEmpty() && System.nanoTime() < deadline;
                    left = runContainers()) {
                Thread.sleep(100);
                for (String id : left) removeQuietly(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the engine is gone: the next start removes what is left
        }
    }

    /** Containers of this run that the engine still has (for tests and the end-of-run check). */
    public List<String> runContainers() {
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.RUN, runId))
                .exec()
                .stream()
                .map(com.github.dockerjava.api.model.Container::getId)
                .toList();
    }

    /** The client (for tests and benchmarks that compare with bare engine calls). */
    public DockerClient client() {
        return docker;
    }

    /** The built-in image's tag, or null when every function has its own image. */
    public String builtinImage() {
        return builtin;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        // the removals the engine asked for finish first (interrupted, one could be left half done)
        try {
            CompletableFuture.allOf(pendingRemovals.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a removal that failed or hangs: removeRunContainers below takes the container
        }
        if (abortReason == null) abortReason = "the run was closed";
        // whatever is still in flight (a run stopped early) is cut short: its containers go below
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeRunContainers();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        closeQuietly(docker);
        closeQuietly(streams);
    }

    // ------------------------------------------------------------------ calibration

    /** Bytes of zeros one container hashes per millisecond (the built-in cpu work), measured now. */
    private double calibrateCpu() {
        String id = null;
        try {
            id = createCommand(FunctionSpec.gpu(0, "calibrate", 1, 1, 0), null, 0)
                    .withName("gpufaas-" + runId + "-calibrate")
                    .exec()
                    .getId();
            docker.startContainerCmd(id).exec();
            long big = 64L << 20;
            double empty = Double.MAX_VALUE;
            double full = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                empty = Math.min(empty, timeExec(id, BuiltinImage.cpuCommand(0)));
                full = Math.min(full, timeExec(id, BuiltinImage.cpuCommand(big)));
            }
            double ms = Math.max(full - empty, 1);
            return big / ms;
        } finally {
            if (id != null) removeQuietly(id);
        }
    }

    private double timeExec(String id, List<String> argv) {
        long t0 = System.nanoTime();
        String exec = docker.execCreateCmd(id)
                .withCmd(argv.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        try (Tail t = docker.execStartCmd(exec).exec(new Tail())) {
            if (!t.awaitCompletion(60, TimeUnit.SECONDS)) throw new IllegalStateException("calibration exec timed out");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        if (code == null || code != 0) throw new IllegalStateException("calibration exec exited with " + code);
        return (System.nanoTime() - t0) / 1e6;
    }

    // ------------------------------------------------------------------ helpers

    /** Keeps the last 400 bytes an exec wrote, and its stream error. */
    static final class Tail extends ResultCallback.Adapter<Frame> {
        private final StringBuilder text = new StringBuilder();
        volatile Throwable error;

        @Override
        public void onNext(Frame f) {
            if (f.getPayload() == null) return;
            synchronized (text) {
                text.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                if (text.length() > 400) text.delete(0, text.length() - 400);
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            super.onError(t);
        }

        String text() {
            synchronized (text) {
                return text.toString().replace('\n', ' ').strip();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing more to do
        }
    }
}
