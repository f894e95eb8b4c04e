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
import io.docpulse.render.OutputFolder;
import io.docpulse.util.Progress;
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
        Build.Result result;
        try (Progress progress = Progress.open(System.err, verbosity.progress())) {
            result = Build.run(new Build.Options(options.content(), out, cfg, options.threads(cli), now(cli),
                    options.gateRun(cli, false)));
        }
        if (!verbosity.quiet()) {
            cli.getOut().println(Messages.summary("Built", result.pages(), result.findings(), result.elapsed(), out.toString()));
            ConsoleFindings.countsByRule(result.findings()).forEach(cli.getOut()::println);
            cli.getOut().println(Messages.readiness(result.readiness(), 3));
            cli.getOut().flush();
        }
        repoUrlNotice(cli, options.content(), cfg, verbosity);
        ConsoleFindings.print(cli.getErr(), options.content(), result.findings(), verbosity.showAll(),
                out.resolve("report.json").toString());
        ci(cli, result.findings(), result.readiness(), result.gate(),
                Build.repoContentPrefix(options.content().toRealPath()));
        return verdict(cli.getErr(), result.gate(), options.strictFlag());
    }

    /** Says where repo_url came from when docpulse read it from git rather than the config. */
    static void repoUrlNotice(CommandLine cli, Path content, Config cfg, Verbosity verbosity) {
        if (verbosity.quiet()) return;
        Build.inferredRepoUrl(content, cfg).ifPresent(url -> cli.getErr().println(Messages.repoUrlFromGit(url)));
    }

    /** In GitHub Actions: annotations on stdout and the step summary. */
    static void ci(CommandLine cli, List<Finding> findings, io.docpulse.readiness.Readiness.Result readiness,
                   io.docpulse.ci.Gate.Outcome gate, String repoPrefix) throws IOException {
        if (gate.diff() != null) {
            for (String s : gate.diff().sentences()) cli.getErr().println("baseline: " + s);
        }
        java.util.Map<String, String> env = System.getenv();
        if (!io.docpulse.ci.GitHubOutput.active(env)) return;
        io.docpulse.ci.GitHubOutput.annotate(cli.getOut(), findings, repoPrefix);
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            io.docpulse.ci.GitHubOutput.summary(Path.of(summary), readiness, findings, gate);
        }
    }

    /**
     * Exit code 1 when a threshold was not met, naming each one.
     *
     * @param strictFlag the flag that made warnings fail ({@code --strict}, {@code --fail-on warning}), or null
     */
    static int verdict(PrintWriter err, io.docpulse.ci.Gate.Outcome gate, String strictFlag) {
        boolean strict = strictFlag != null;
        if (gate.passed()) return ExitCode.OK.code();
        boolean strictSaid = false;
        for (io.docpulse.ci.CiReports.Check c : gate.checks()) {
            if (c.passed()) continue;
            boolean count = c.name().startsWith("errors at most") || c.name().startsWith("warnings at most");
            if (strict && count && c.name().endsWith("at most 0")) {
                if (!strictSaid) err.println(Messages.error(Messages.strictFailed(strictFlag, gate.errors() + gate.warnings())));
                strictSaid = true;
            } else if (c.name().equals("errors at most 0")) {
                err.println(Messages.error(c.message().replace(" (at most 0)", "") + " found"));
            } else {
                err.println(Messages.error("threshold not met: " + c.message()));
            }
        }
        return ExitCode.FINDINGS.code();
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
