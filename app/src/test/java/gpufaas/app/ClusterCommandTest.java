package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterCommandTest {

    @Test
    void call_noDaemonNamed_exit2() {
        Cli r = Cli.run("cluster");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: cluster: name the daemon to start: cluster master, or cluster worker spark://HOST:PORT\n");
    }

    @Test
    void worker_badOptions_exit2NamingEach() {
        assertThat(Cli.run("cluster", "worker", "127.0.0.1:7077").err())
                .isEqualTo("error: cluster worker: '127.0.0.1:7077' is not a master URL; expected spark://HOST:PORT\n");
        assertThat(Cli.run("cluster", "worker", "spark://h:7077", "--cores", "0")
                        .err())
                .isEqualTo("error: --cores: must be >= 1, got 0\n");
        assertThat(Cli.run("cluster", "worker", "spark://h:7077", "--memory", "lots")
                        .err())
                .isEqualTo("error: --memory: expected a size like 2g or 512m, got 'lots'\n");
        assertThat(Cli.run("cluster", "master", "--port", "70000").err())
                .isEqualTo("error: --port: must be a port 0-65535, got 70000\n");
    }

    @Test
    void master_withoutTheSparkModule_exit2SayingWhatAddsIt() {
        Cli r = Cli.run("cluster", "master", "--host", "127.0.0.1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: cluster master: no executor for spark:// clusters on the class path "
                        + "(./workbench adds the sweep-spark module's jars for sweep --cluster and cluster)\n");
    }
}
