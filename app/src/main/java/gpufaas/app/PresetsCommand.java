package gpufaas.app;

import gpufaas.workload.experiment.PresetInfo;
import gpufaas.workload.experiment.Presets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./workbench presets}: the built-in presets with their descriptions. */
@Command(
        name = "presets",
        description = "Lists the built-in presets (run one with: ${ROOT-COMMAND-NAME} run --preset NAME).")
final class PresetsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        main.out.println("Presets (--preset NAME):");
        for (PresetInfo p : Presets.list()) {
            main.out.println();
            main.out.println("  " + p.name());
            Text.wrap(p.description(), "    ").forEach(main.out::println);
        }
        return 0;
    }
}
