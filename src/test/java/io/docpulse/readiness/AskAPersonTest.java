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

/** ask-a-person sends readers to people, not to the companies the docs name. */
class AskAPersonTest {
    @TempDir
    Path dir;

    /** The ask-a-person findings of one page, as "line: matched words", with the rest of the site as context. */
    private List<String> asks(Map<String, String> files, String page) throws IOException {
        Path content = TestSites.write(dir.resolve("content"), files);
        ContentSet set = new ContentScanner(Set.of()).scan(content);
        List<Page> pages = new ContentParser(new Routes(set, "/", "", "")).parse(set, 1).pages();
        Signals signals = new Signals(ReadinessConfig.defaults(), pages);
        Page p = pages.stream().filter(x -> x.path().equals(page)).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (Finding f : signals.check(p, Files.readString(content.resolve(page)), "", false)) {
            if (f.rule().equals("ask-a-person")) out.add(f.where().line() + ": " + f.details().get("text"));
        }
        return out;
    }

    @Test
    void companiesTheDocsNameAreNotPeople() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n[Benefits](benefits.md) [Tools](tools.md)\n");
        // how the docs name each company: a link, an address, an apposition, a legal suffix
        f.put("tools.md", """
                # Tools

                Payroll runs on [Gusto](https://gusto.com/). Equity is with Carta Inc. since 2021.
                Our performance review tool, Lattice, sends the reminders.
                Invoices go to billing@acme-payments.io.
                """);
        f.put("benefits.md", """
                # Benefits

                Our PEO is listed at https://www.sequoia.com/benefits.

                1. For benefits questions, reach out to Sequoia.
                2. For payroll, reach out to Gusto.
                3. For equity, reach out to Carta.
                4. To change a review date, talk to Lattice.
                5. For invoices, reach out to Acme.
                6. Insurance claims: reach out to Vitality Support or reach out to Bupa's help desk.
                7. Cancel a plan: reach out to Cigna via their website.
                8. For a laptop, reach out to Priya.
                9. For the VPN, ask Sam.
                10. For anything else, reach out to Dana Whitfield.
                """);
        assertThat(asks(f, "benefits.md")).containsExactly(
                "12: reach out to Priya", "13: ask Sam", "14: reach out to Dana Whitfield");
    }

    @Test
    void aPersonWhoseNameIsNotACompanyIsStillReported() throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", "# Handbook\n\n[Help](help.md)\n");
        // people next to company words: the role after the name keeps them people
        f.put("team.md", """
                # Team

                Priya, our platform lead, owns the cluster. Sam is the app developer.
                Dana (the service owner) approves releases. Our vendor is in the contract.
                """);
        f.put("help.md", """
                # Help

                For the cluster, reach out to Priya.
                For a release, talk to Dana.
                For the app, ask Sam.
                """);
        assertThat(asks(f, "help.md")).containsExactly("3: reach out to Priya", "4: talk to Dana", "5: ask Sam");
        assertThat(Signals.organisations(List.of())).isEmpty();
    }
}
