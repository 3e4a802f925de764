package gpufaas.app;

import gpufaas.engine.admission.AdmissionDescriptor;
import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.placement.PlacementDescriptor;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.PolicyDescriptor;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.run.EngineParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ./workbench policies}: every policy, placement and admission control with its parameters. */
@Command(name = "policies",
        description = "Lists the queueing policies, placements and admission controls with their parameters, "
                + "then the device-level parameters every policy takes.")
final class PoliciesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter o = main.out;
        o.println("Policies (--policy NAME; parameters with --param KEY=VALUE):");
        for (PolicyDescriptor p : PolicyRegistry.all()) entry(o, p.name(), p.aliases(), p.description(), p.params());
        o.println();
        o.println("Placements (--placement NAME):");
        for (PlacementDescriptor p : PlacementRegistry.all()) entry(o, p.name(), p.aliases(), p.description(), p.params());
        o.println();
        o.println("Admission controls (--admission NAME):");
        for (AdmissionDescriptor a : AdmissionRegistry.all()) entry(o, a.name(), a.aliases(), a.description(), a.params());
        o.println();
        o.println("Device parameters (--param KEY=VALUE, under every policy):");
        params(o, EngineParams.SPECS, "  ");
        return 0;
    }

    private static void entry(PrintWriter o, String name, List<String> aliases, String description, List<ParamSpec> params) {
        o.println();
        o.println("  " + name + (aliases.isEmpty() ? "" : "  (aliases: " + String.join(", ", aliases) + ")"));
        Text.wrap(description, "    ").forEach(o::println);
        if (params.isEmpty()) {
            o.println("    parameters: none");
            return;
        }
        o.println("    parameters:");
        params(o, params, "      ");
    }

    private static void params(PrintWriter o, List<ParamSpec> params, String indent) {
        for (ParamSpec p : params) {
            o.println(indent + p.name() + "  " + p.type().name().toLowerCase(Locale.ROOT) + ", default " + p.defaultValue()
                    + ", range " + p.describeRange()
                    + (p.aliases().isEmpty() ? "" : ", aliases: " + String.join(", ", p.aliases())));
            Text.wrap(p.help(), indent + "    ").forEach(o::println);
        }
    }
}
