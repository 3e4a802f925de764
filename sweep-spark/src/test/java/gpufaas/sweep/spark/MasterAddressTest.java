package gpufaas.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class MasterAddressTest {

    @Test
    void parse_oneOrSeveralMasters_hostsAndPorts() {
        MasterAddress one = MasterAddress.parse("spark://head:7077", "--cluster");
        assertThat(one.hosts()).singleElement().satisfies(h -> {
            assertThat(h.getHostString()).isEqualTo("head");
            assertThat(h.getPort()).isEqualTo(7077);
        });
        assertThat(MasterAddress.parse("spark://m1:7077,m2:7078", "--cluster").hosts())
                .hasSize(2);
        assertThat(MasterAddress.parse("spark://[::1]:7077", "--cluster")
                        .hosts()
                        .get(0)
                        .getHostString())
                .isEqualTo("::1");
    }

    @Test
    void parse_notAMasterUrl_badInputNamingTheOption() {
        for (String bad :
                new String[] {"spark://head", "head:7077", "spark://head:99999", "spark://a:1,", "local[2]"}) {
            assertThatThrownBy(() -> MasterAddress.parse(bad, "--cluster"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("--cluster: '" + bad + "' is not a Spark master URL; expected spark://HOST:PORT");
        }
    }

    @Test
    void unreachable_listeningOrNot_nullOrTheReason() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
            MasterAddress open = MasterAddress.parse("spark://127.0.0.1:" + s.getLocalPort(), "--cluster");
            assertThat(open.unreachable(1000)).isNull();
            assertThat(open.loopback()).isTrue();
        }
        assertThat(MasterAddress.parse("spark://127.0.0.1:" + closed, "--cluster")
                        .unreachable(1000))
                .isEqualTo("Connection refused");
    }
}
