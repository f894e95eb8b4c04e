package io.docpulse.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.docpulse.Build;
import io.docpulse.config.Config;
import io.docpulse.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code docpulse check}: runs the analyses without writing the site; fails on errors. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks the docs (links, anchors, assets, front matter) without writing the site.",
                "Exits 1 when there is an error finding (or, with --strict, a warning)."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ContentOptions options;

    @CommandLine.Mixin
    Verbosity verbosity;

    @picocli.CommandLine.Option(names = "--reports", paramLabel = "DIR",
            description = "Also write report.json, report.sarif and report.junit.xml to DIR.")
    java.nio.file.Path reports;

    @Override
    public Integer call() throws IOException, ConfigException {
        verbosity.apply();
        CommandLine cli = spec.commandLine();
        Config cfg = options.config(cli);
        Build.themeDir(options.content(), cfg);
        long start = System.nanoTime();
        Build.GateRun run = options.gateRun(cli, true);
        if (reports != null && reports.toAbsolutePath().normalize().startsWith(options.content().toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(cli, "--reports " + reports
                    + " is inside the content folder: the reports would become content; choose a folder outside it");
        }
        java.time.Instant now = BuildCommand.now(cli);
        Build.Analysis a = Build.analyze(options.content(), cfg, options.threads(cli), now);
        io.docpulse.ci.Gate.Outcome gate = io.docpulse.ci.Gate.evaluate(cfg.gate(), run.errorsFail(), run.strict(),
                run.onlyNew(), a.findings(), a.readiness(), run.baseline());
        if (reports != null) Build.writeReports(reports, cfg, now, a, a.findings(), gate);
        if (!verbosity.quiet()) {
            cli.getOut().println(Messages.summary("Checked", a.pages().size(), a.findings(),
                    Duration.ofNanos(System.nanoTime() - start), null)
                    .replace(" in ", " and " + Messages.count(a.links().checked(), "internal link")
                            + (cfg.links().checkExternal()
                                    ? " and " + Messages.count(a.links().external().size(), "external link") : "")
                            + " in "));
            ConsoleFindings.countsByRule(a.findings()).forEach(cli.getOut()::println);
            cli.getOut().println(Messages.readiness(a.readiness(), 3));
            cli.getOut().flush();
        }
        BuildCommand.repoUrlNotice(cli, options.content(), cfg, verbosity);
        ConsoleFindings.print(cli.getErr(), options.content(), a.findings(), verbosity.showAll(),
                reports == null ? null : reports.resolve("report.json").toString());
        BuildCommand.ci(cli, a.findings(), a.readiness(), gate, a.repoPrefix());
        return BuildCommand.verdict(cli.getErr(), gate, options.strictFlag());
    }
}
