package gpufaas.app;

import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.run.EngineParams;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./workbench policies}: every policy, placement and admission control with its parameters. */
@Command(
        name = "policies",
        description = "Lists the queueing policies, placements and admission controls with their parameters, "
                + "then the device-level parameters every policy takes.")
final class PoliciesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter o = main.out;
        o.println("Policies (--policy NAME; parameters with --param KEY=VALUE):");
        for (Entry<?> p : PolicyRegistry.all()) entry(o, p);
        o.println();
        o.println("Placements (--placement NAME):");
        for (Entry<?> p : PlacementRegistry.all()) entry(o, p);
        o.println();
        o.println("Admission controls (--admission NAME):");
        for (Entry<?> a : AdmissionRegistry.all()) entry(o, a);
        o.println();
        o.println("Device parameters (--param KEY=VALUE, under every policy):");
        params(o, EngineParams.SPECS, "  ");
        return 0;
    }

    private static void entry(PrintWriter o, Entry<?> e) {
        o.println();
        o.println(
                "  " + e.name() + (e.aliases().isEmpty() ? "" : "  (aliases: " + String.join(", ", e.aliases()) + ")"));
        Text.wrap(e.description(), "    ").forEach(o::println);
        List<ParamSpec> params = e.params();
        if (params.isEmpty()) {
            o.println("    parameters: none");
            return;
        }
        o.println("    parameters:");
        params(o, params, "      ");
    }

    private static void params(PrintWriter o, List<ParamSpec> params, String indent) {
        for (ParamSpec p : params) {
            o.println(indent + p.name() + "  " + p.type().name().toLowerCase(Locale.ROOT) + ", default "
                    + p.defaultValue()
                    + ", range " + p.describeRange()
                    + (p.aliases().isEmpty() ? "" : ", aliases: " + String.join(", ", p.aliases())));
            Text.wrap(p.help(), indent + "    ").forEach(o::println);
        }
    }
}
