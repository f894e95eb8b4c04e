package io.docpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The second JVM a build runs in: batch settings, the user's own options kept. */
class LauncherTest {
    @Test
    void runsTheCommandInAJvmWithTheSerialCollectorAndTheUsersOptions() {
        var command = Launcher.childCommand(new String[]{"build", "--content", "docs"}, "/usr/bin/java",
                new String[]{"-Dfoo=bar", "-Xmx700m", "-jar", "target/docpulse.jar", "build", "--content", "docs"},
                "target/docpulse.jar");
        assertThat(command).contains(List.of("/usr/bin/java", "-XX:+UseSerialGC", "-Dfoo=bar", "-Xmx700m",
                "-Ddocpulse.launched=1", "-cp", "target/docpulse.jar", "io.docpulse.cli.Main", "build", "--content",
                "docs"));
    }

    @Test
    void aCollectorTheUserChoseIsKept() {
        var command = Launcher.childCommand(new String[]{"build"}, "/usr/bin/java",
                new String[]{"-XX:+UseG1GC", "-jar", "docpulse.jar", "build"}, "docpulse.jar");
        assertThat(command.orElseThrow()).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void profilingOrAnUnclearCommandLineRunsInThisJvm() {
        assertThat(Launcher.childCommand(new String[]{"build"}, "/usr/bin/java",
                new String[]{"-XX:StartFlightRecording=filename=x.jfr", "-jar", "docpulse.jar", "build"}, "docpulse.jar"))
                .isEmpty();
        // started with -cp (tests, IDEs): not from the jar
        assertThat(Launcher.childCommand(new String[]{"build"}, "/usr/bin/java",
                new String[]{"-cp", "classes", "io.docpulse.cli.Main", "build"}, null)).isEmpty();
        assertThat(Launcher.childCommand(new String[]{"build"}, "/usr/bin/java", null, "docpulse.jar")).isEmpty();
    }
}
