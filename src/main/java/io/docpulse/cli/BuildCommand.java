package io.docpulse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import io.docpulse.content.Finding;
import io.docpulse.content.Severity;
import io.docpulse.render.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docpulse build}: writes the site and report.json. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds the site from the content folder into the output folder, with report.json.")
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ContentOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site-output",
            description = "Folder the site is written to (default: ${DEFAULT-VALUE}). Replaced only when the build succeeds.")
    Path out;

    @Option(names = "--drafts", description = "Also build pages marked draft: true.")
    boolean drafts;

    @CommandLine.Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException, ConfigException, OutputFolder.RefusedException {
        verbosity.apply();
        CommandLine cli = spec.commandLine();
        Config cfg = options.config(cli);
        if (drafts) cfg = cfg.withDrafts(true);
        Build.Result result = Build.run(new Build.Options(options.content(), out, cfg, options.threads(cli), now(cli)));
        printFindings(cli.getErr(), options.content(), result.findings(), verbosity.showNotes());
        if (!verbosity.quiet()) {
            cli.getOut().println(Messages.summary("Built", result.pages(), result.findings(), result.elapsed(), out.toString()));
            cli.getOut().println(Messages.readiness(result.readiness(), 3));
        }
        return verdict(cli.getErr(), result.findings(), options.strict, false);
    }

    /** Exit code 1 when errors (if {@code errorsFail}) or, with --strict, warnings are present. */
    static int verdict(PrintWriter err, List<Finding> findings, boolean strict, boolean errorsFail) {
        long errors = Messages.count(findings, Severity.ERROR);
        long warnings = Messages.count(findings, Severity.WARNING);
        if (strict && errors + warnings > 0) {
            err.println(Messages.error(Messages.strictFailed(errors + warnings)));
            return ExitCode.FINDINGS.code();
        }
        if (errorsFail && errors > 0) {
            err.println(Messages.error(Messages.errorsFailed(errors)));
            return ExitCode.FINDINGS.code();
        }
        return ExitCode.OK.code();
    }

    static void printFindings(PrintWriter err, Path contentDir, List<Finding> findings, boolean notes) {
        String lastFile = null;
        for (Finding f : findings) {
            if (f.severity() == Severity.NOTE && !notes) continue;
            if (lastFile != null && !lastFile.equals(f.where().file())) err.println();
            lastFile = f.where().file();
            err.println(Messages.finding(contentDir, f));
        }
        if (lastFile != null) err.println();
        err.flush();
    }

    /** SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
    static Instant now(CommandLine cli) {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) return Instant.now();
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cli,
                    "SOURCE_DATE_EPOCH must be a number of seconds since 1970, not '" + epoch + "'");
        }
    }
}
