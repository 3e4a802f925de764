package gpufaas.sweep.spark;

import gpufaas.engine.model.BadInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone master's URL, {@code spark://HOST:PORT} (or several, comma-separated, for
 * masters with a standby), and whether it can be reached.
 *
 * @param url   the URL as given
 * @param hosts each master's host and port
 */
public record MasterAddress(String url, List<InetSocketAddress> hosts) {
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:,\\[\\]]+):([0-9]{1,5})");

    public MasterAddress {
        hosts = List.copyOf(hosts);
    }

    /** Parses {@code url}; a {@link BadInputException} naming {@code option} when it is not a master URL. */
    public static MasterAddress parse(String url, String option) {
        String prefix = "spark://";
        List<InetSocketAddress> hosts = new ArrayList<>();
        if (url.startsWith(prefix)) {
            for (String part : url.substring(prefix.length()).split(",", -1)) {
                Matcher m = HOST_PORT.matcher(part);
                if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
                    hosts.clear();
                    break;
                }
                String host = m.group(1).startsWith("[")
                        ? m.group(1).substring(1, m.group(1).length() - 1)
                        : m.group(1);
                hosts.add(InetSocketAddress.createUnresolved(host, Integer.parseInt(m.group(2))));
            }
        }
        if (hosts.isEmpty()) {
            throw new BadInputException(
                    option, 0, null, "'" + url + "' is not a Spark master URL; expected spark://HOST:PORT");
        }
        return new MasterAddress(url, hosts);
    }

    /** Null when some master accepts a connection within {@code timeoutMs}, else why none did. */
    public String unreachable(int timeoutMs) {
        String why = null;
        for (InetSocketAddress h : hosts) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(h.getHostString(), h.getPort()), timeoutMs);
                return null;
            } catch (UnknownHostException e) {
                why = "unknown host " + h.getHostString();
            } catch (IOException e) {
                why = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        }
        return why;
    }

    /** True when every master is on this machine's loopback address (then the driver binds there too). */
    public boolean loopback() {
        for (InetSocketAddress h : hosts) {
            try {
                if (!InetAddress.getByName(h.getHostString()).isLoopbackAddress()) return false;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }
}
