package gpufaas.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A launcher's manual page (man(7) macros), written from the command line's own model: the same
 * descriptions, options and commands as {@code --help}, so the page cannot drift from the program.
 * The installer runs {@link #main} when it builds the package. Text is escaped for roff: backslashes,
 * hyphens as {@code \-}, a leading dot or quote, and every non-ASCII character as {@code \[uXXXX]}
 * (groff reads ASCII).
 */
public final class ManPage {
    private final String launcher;
    private final String summary;
    private final String about;
    private final List<String> seeAlso;

    /**
     * @param launcher the command's name as installed (the page's title)
     * @param summary  the one line after the name in NAME
     * @param about    a paragraph on what this launcher is for, after the program's description
     * @param seeAlso  other manual pages, as {@code name(section)}
     */
    ManPage(String launcher, String summary, String about, List<String> seeAlso) {
        this.launcher = launcher;
        this.summary = summary;
        this.about = about;
        this.seeAlso = List.copyOf(seeAlso);
    }

    /** {@code ManPage LAUNCHER SUMMARY ABOUT OUT.1 [SEE-ALSO(1)...]}: writes the page. */
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: ManPage LAUNCHER SUMMARY ABOUT OUT.1 [SEE-ALSO(1)...]");
            System.exit(2);
        }
        ManPage page =
                new ManPage(args[0], args[1], args[2], Arrays.asList(args).subList(4, args.length));
        Files.writeString(Path.of(args[3]), page.render(), StandardCharsets.US_ASCII);
    }

    /** The page as roff source. */
    String render() {
        StringWriter text = new StringWriter();
        PrintWriter none = new PrintWriter(text);
        CommandLine cl = Main.commandLine(new Main(none, none, List.of(), false));
        cl.setCommandName(launcher);
        CommandSpec root = cl.getCommandSpec();
        Roff r = new Roff();
        r.comment("Written by gpufaas.app.ManPage from the program's own command line model; not edited by hand.");
        r.macro(
                "TH",
                launcher.toUpperCase(Locale.ROOT),
                "1",
                "",
                "gpufaas-workbench " + Version.get(),
                "User Commands");
        r.raw(".nh"); // option and file names are not to be hyphenated,
        r.raw(".ad l"); // nor lines stretched to the right margin
        r.macro("SH", "NAME");
        r.text(launcher + " - " + summary);
        r.macro("SH", "SYNOPSIS");
        r.raw(".B " + escape(launcher));
        r.raw("[\\fIOPTION\\fR]... [\\fICOMMAND\\fR [\\fIOPTION\\fR]...]");
        r.macro("SH", "DESCRIPTION");
        r.paragraphs(root.usageMessage().description());
        r.macro("PP");
        r.text(about);
        r.macro("SH", "OPTIONS");
        arguments(r, root);
        r.macro("SH", "COMMANDS");
        r.text("Each command takes the options listed under it; " + launcher
                + " COMMAND --help prints the same. The options --help and --debug apply to every command.");
        for (CommandLine sub : commands(root)) command(r, sub.getCommandSpec());
        r.macro("SH", "EXIT STATUS");
        r.paragraphs(nonBlank(root.usageMessage().footer()));
        if (!seeAlso.isEmpty()) {
            r.macro("SH", "SEE ALSO");
            List<String> refs = new ArrayList<>();
            for (String s : seeAlso) {
                int open = s.indexOf('(');
                refs.add(
                        open > 0
                                ? "\\fB" + escape(s.substring(0, open)) + "\\fR" + escape(s.substring(open))
                                : escape(s));
            }
            r.raw(String.join(", ", refs));
        }
        return r.toString();
    }

    private static void command(Roff r, CommandSpec spec) {
        r.macro("SS", spec.name());
        r.text(synopsis(spec));
        r.macro("PP");
        r.paragraphs(spec.usageMessage().description());
        arguments(r, spec);
    }

    /** The command's synopsis as --help prints it, on one line (man fills it to the reader's width). */
    private static String synopsis(CommandSpec spec) {
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        return help.synopsis(0).strip().replaceAll("\\s+", " ");
    }

    private static void arguments(Roff r, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            StringBuilder head = new StringBuilder();
            for (String name : o.names()) {
                if (head.length() > 0) head.append(", ");
                head.append("\\fB").append(escape(name)).append("\\fR");
            }
            if (o.arity().max() > 0)
                head.append('=').append("\\fI").append(escape(o.paramLabel())).append("\\fR");
            item(r, head.toString(), o);
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) item(r, "\\fI" + escape(p.paramLabel()) + "\\fR", p);
        }
    }

    private static void item(Roff r, String head, ArgSpec arg) {
        r.macro("TP");
        r.raw(head);
        r.lines(String.join(" ", arg.description()));
    }

    /** The visible subcommands, once each (picocli lists a command again under each alias). */
    private static List<CommandLine> commands(CommandSpec spec) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden() || seen.put(sub, Boolean.TRUE) != null) continue;
            out.add(sub);
        }
        return out;
    }

    private static String[] nonBlank(String[] lines) {
        return Arrays.stream(lines).filter(l -> !l.isBlank()).toArray(String[]::new);
    }

    /**
     * Text for roff: a backslash as {@code \e}, a hyphen as {@code \-} (a hyphen-minus users type,
     * not a typographic hyphen), non-ASCII characters as {@code \[uXXXX]}.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (cp == '\\') b.append("\\e");
            else if (cp == '-') b.append("\\-");
            else if (cp == '\t') b.append(' ');
            else if (cp < 0x20 || cp > 0x7e) b.append(String.format(Locale.ROOT, "\\[u%04X]", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /** Lines of roff: text lines escaped and kept from reading as requests. */
    private static final class Roff {
        private final StringBuilder out = new StringBuilder();

        void comment(String text) {
            out.append(".\\\" ").append(text).append('\n');
        }

        void macro(String name, String... args) {
            out.append('.').append(name);
            for (String a : args)
                out.append(" \"").append(escape(a).replace("\"", "\\(dq")).append('"');
            out.append('\n');
        }

        /** A line already in roff (escaped by the caller). */
        void raw(String line) {
            out.append(line).append('\n');
        }

        /** Text that may hold picocli's line breaks ({@code %n}) and escaped percent signs ({@code %%}). */
        void lines(String text) {
            String[] parts = text.replace("%%", "%").split("%n|\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) macro("br");
                text(parts[i].strip());
            }
        }

        void text(String line) {
            if (line.isEmpty()) return;
            String e = escape(line);
            if (e.startsWith(".") || e.startsWith("'")) out.append("\\&");
            out.append(e).append('\n');
        }

        /** Each element its own paragraph, as --help prints each on its own line. */
        void paragraphs(String[] lines) {
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) macro("PP");
                lines(lines[i]);
            }
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
