package io.docpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

/** {@code docpulse serve} from the command line, up to the point where it would serve. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aConfigBrokenAtTheStartStopsServeWithExit2AndItsLine() throws Exception {
        Path content = TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n"));
        Path yml = dir.resolve("docpulse.yml");
        Files.writeString(yml, "site_name: Handbook\nsite_nme: typo\n");
        // serve runs until stopped: the deadline only ends the test if it started serving anyway
        TestSites.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TestSites.run("serve",
                "--content", content.toString(), "--port", "0", "--cache-dir", dir.resolve("cache").toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: " + yml + ":2: unknown key 'site_nme'")
                .contains("hint: did you mean 'site_name'?");
        assertThat(run.out()).doesNotContain("Serving");
    }
}
