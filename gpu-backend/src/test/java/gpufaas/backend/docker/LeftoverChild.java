package gpufaas.backend.docker;

import com.github.dockerjava.api.DockerClient;

/** A workbench-like process that starts one labelled container and waits to be killed (for DockerEngineIT). */
public final class LeftoverChild {
    private LeftoverChild() {}

    public static void main(String[] args) throws Exception {
        DockerClient docker = DockerConnection.open();
        String image = BuiltinImage.ensure(docker);
        String runId = DockerBackend.newRunId();
        String id = docker.createContainerCmd(image)
                .withLabels(DockerLabels.of(runId, "leftover"))
                .withCmd(BuiltinImage.KEEP_ALIVE)
                .withHostConfig(DockerBackend.hostConfig(DockerOptions.DEFAULTS, null))
                .exec()
                .getId();
        docker.startContainerCmd(id).exec();
        System.out.println("run " + runId);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
