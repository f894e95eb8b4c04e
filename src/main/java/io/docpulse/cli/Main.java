package io.docpulse.cli;

import java.io.PrintWriter;

import io.docpulse.config.ConfigException;
import io.docpulse.render.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code docpulse} command: builds and checks a team's Markdown docs. */
@Command(name = "docpulse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds a static site from a folder of Markdown and measures the health of the docs.",
        subcommands = {BuildCommand.class, CheckCommand.class, SearchCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        // `docpulse search --base-url` searches for the flag's name rather than failing on it
        cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ConfigException first) {
                for (ConfigException ce : Messages.withMore(first)) {
                    e.println(Messages.error(ce.location() + ce.getMessage()));
                    if (!ce.hint().isEmpty()) e.println(Messages.hint(ce.hint()));
                }
            } else if (ex instanceof OutputFolder.RefusedException re) {
                e.println(Messages.error(re.getMessage()));
                e.println(Messages.hint(re.hint()));
            } else {
                e.println(Messages.error("the run could not complete: " + Messages.causeChain(ex)));
                if (Boolean.getBoolean("docpulse.stacktrace")) ex.printStackTrace(e);
            }
            e.flush();
            return exitCodeOf(ex);
        });
        cli.setParameterExceptionHandler((ex, strings) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println(Messages.error(ex.getMessage()));
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                e.println(Messages.hint(Messages.didYouMean(u.getSuggestions())));
            }
            e.println(Messages.hint("see " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help"));
            e.flush();
            return ExitCode.USAGE.code();
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError e) {
            // picocli passes Errors on; a stage that recursed too deep ends the run with one line, not a JVM trace
            err.println(Messages.error("the run could not complete: " + Messages.outOfStack(e)));
            err.flush();
            return ExitCode.FAILURE.code();
        }
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof OutputFolder.RefusedException
                || ex instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE.code();
        }
        return ExitCode.FAILURE.code();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
