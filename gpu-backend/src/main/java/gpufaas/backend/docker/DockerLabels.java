package gpufaas.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels on every container the workbench creates, and the clean-up of containers left behind
 * by a workbench process that no longer runs (killed, crashed) on this host.
 */
public final class DockerLabels {
    /** Marks the workbench's containers and images. */
    public static final String APP = "io.gpufaas.workbench";
    /** The run that created the container. */
    public static final String RUN = "io.gpufaas.run";
    /** The function it runs. */
    public static final String FUNCTION = "io.gpufaas.function";
    /** The creating process: {@code HOST/PID/START_MILLIS}. */
    public static final String OWNER = "io.gpufaas.owner";

    private DockerLabels() {}

    /** This host's name, looked up once (a lookup may ask DNS). */
    private static final String HOST = hostName();
    /** This process as an owner label value, computed once. */
    private static final String SELF =
            HOST + "/" + ProcessHandle.current().pid() + "/" + startMillis(ProcessHandle.current());

    /** This process as an owner label value. */
    public static String self() {
        return SELF;
    }

    static Map<String, String> of(String runId, String function) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(APP, "container");
        m.put(RUN, runId);
        m.put(FUNCTION, function);
        m.put(OWNER, self());
        return m;
    }

    /** true when {@code owner} names a process on this host that still runs (the same process, not a reused pid). */
    static boolean ownerAlive(String owner) {
        if (owner == null) return false;
        String[] p = owner.split("/");
        if (p.length != 3) return false;
        if (!p[0].equals(HOST)) return true; // another host's process: not ours to judge
        try {
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(p[1]));
            return h.isPresent()
                    && h.get().isAlive()
                    && Long.toString(startMillis(h.get())).equals(p[2]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Removes (forcibly) every workbench container whose owning process is gone. Returns their
     * names. Containers of workbench processes still running are left alone.
     */
    public static List<String> removeLeftovers(DockerClient docker) {
        List<String> removed = new ArrayList<>();
        List<Container> all = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(APP))
                .exec();
        for (Container c : all) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            if (!"container".equals(labels.get(APP)) || ownerAlive(labels.get(OWNER))) continue;
            try {
                docker.removeContainerCmd(c.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
                removed.add(
                        c.getNames() != null && c.getNames().length > 0
                                ? c.getNames()[0].replaceFirst("^/", "")
                                : c.getId());
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
        return removed;
    }

    private static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(i -> i.toEpochMilli() / 1000 * 1000).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null ? "localhost" : h;
        }
    }
}
