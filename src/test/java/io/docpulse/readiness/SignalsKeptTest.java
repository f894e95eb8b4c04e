package io.docpulse.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;
import io.docpulse.config.ReadinessConfig;
import io.docpulse.content.ContentParser;
import io.docpulse.content.ContentScanner;
import io.docpulse.content.ContentSet;
import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.content.Routes;

/**
 * The page-by-page rules' findings kept for the next build are reused only while everything they
 * depend on is unchanged: the page's file, and the organisations the whole site names.
 */
class SignalsKeptTest {
    @TempDir
    Path dir;

    private record Run(List<Finding> findings, int reused) {
    }

    /** The findings of every page, with the kept file (or none), as a build reads them. */
    private static Run run(Path content, Path keep) throws IOException {
        ContentSet set = new ContentScanner(Set.of()).scan(content);
        List<Page> pages = new ContentParser(new Routes(set, "/", "", "")).parse(set, 1).pages();
        ReadinessConfig config = ReadinessConfig.defaults();
        SignalsKept kept = SignalsKept.open(keep, config);
        Signals signals = new Signals(config, pages, 1, kept);
        List<Finding> out = new ArrayList<>();
        for (Page p : pages) {
            out.addAll(kept.check(p, "", false, signals.organisationsStamp(),
                    () -> signals.check(p, Files.readString(content.resolve(p.path())), "", false)));
        }
        kept.save();
        return new Run(out, kept.reused());
    }

    private static List<String> asks(Run run) {
        return run.findings().stream().filter(f -> f.rule().equals("ask-a-person"))
                .map(f -> f.where().file() + ":" + f.where().line() + " " + f.details().get("text")).toList();
    }

    @Test
    void unchangedPagesAreNotReadAgainAndANewOrganisationElsewhereIsSeen() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n[Tools](tools.md) [Help](help.md)\n");
        f.put("tools.md", "# Tools\n\nPayroll runs on [Gusto](https://gusto.com/).\n");
        f.put("help.md", "# Help\n\nFor payslips, ask Gusto.\n\nFor anything else, ask Priya on Slack.\n");
        Path content = TestSites.write(dir.resolve("content"), f);
        Path keep = dir.resolve("cache/readiness.bin");

        Run cold = run(content, keep);
        assertThat(cold.reused()).isZero();
        assertThat(asks(cold)).hasSize(1).allMatch(s -> s.startsWith("help.md:5") && s.contains("Priya"));

        Run warm = run(content, keep);
        assertThat(warm.reused()).isEqualTo(3);
        assertThat(warm.findings()).isEqualTo(cold.findings());

        // tools.md no longer names Gusto as a company: help.md is unchanged, but "ask Gusto" now
        // reads as asking a person, as a build from nothing finds
        Files.writeString(content.resolve("tools.md"), "# Tools\n\nPayroll runs on a service we pay for.\n");
        Run edited = run(content, keep);
        Run fromNothing = run(content, null);
        assertThat(edited.findings()).isEqualTo(fromNothing.findings());
        assertThat(asks(edited)).hasSize(2).anyMatch(s -> s.contains("Gusto"));
        assertThat(edited.reused()).isLessThan(3);
    }
}
