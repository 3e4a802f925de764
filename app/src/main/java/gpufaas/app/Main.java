package gpufaas.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ./workbench}: without arguments it opens the GUI; {@code run}, {@code sweep}, {@code cluster},
 * {@code screenshot}, {@code policies}, {@code presets}, {@code devices} and {@code calibrate} do the work headless.
 * {@link #execute(String...)} runs it in-process and returns the exit status. Started by an installed
 * launcher, usage lines carry that launcher's name ({@link LauncherName}).
 */
@Command(
        name = "workbench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "GPU FaaS scheduling workbench: simulates serverless GPU function scheduling "
                    + "(MQFQ-Sticky and baselines) and writes the results as CSV and JSON.",
            "Without a command it opens the GUI."
        },
        footer = {"", "Exit status: 0 success, 2 bad input, 1 internal error."},
        subcommands = {
            RunCommand.class,
            SweepCommand.class,
            ClusterCommand.class,
            ReproduceCommand.class,
            ScreenshotCommand.class,
            PoliciesCommand.class,
            PresetsCommand.class,
            DevicesCommand.class,
            CalibrateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {
    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (or set WORKBENCH_DEBUG=1).")
    boolean debug;

    final PrintWriter out;
    final PrintWriter err;
    final List<String> args;
    final boolean realConsole;

    Main(PrintWriter out, PrintWriter err, List<String> args, boolean realConsole) {
        this.out = out;
        this.err = err;
        this.args = List.copyOf(args);
        this.realConsole = realConsole;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on System.out and System.err; returns the exit status. */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(out, err, true, args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, false, args);
    }

    private static int execute(PrintWriter out, PrintWriter err, boolean realConsole, String... args) {
        boolean debug = Errors.debugRequested(args);
        Main main = new Main(out, err, List.of(args), realConsole);
        CommandLine cl = commandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> Errors.usage(ex, err));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> Errors.report(ex, err, debug));
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line model around {@code main}, named after the launcher that started it. */
    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        String launcher = LauncherName.installed();
        if (launcher != null) cl.setCommandName(launcher);
        return cl;
    }

    @Override
    public Integer call() {
        return GuiLauncher.open(err);
    }

    /** The version and the commit from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Spec
        CommandSpec spec;

        @Override
        public String[] getVersion() {
            return new String[] {spec.root().name() + " " + Version.get(), Version.commit()};
        }
    }
}
