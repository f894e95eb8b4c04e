package io.docpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The second JVM a build runs in: batch settings, the user's own options kept. */
class LauncherTest {
    @Test
    void runsTheCommandInAJvmWithTheSerialCollectorAndTheUsersOptions() {
        var command = Launcher.childCommand(new String[]{"build", "--content", "docs"}, "/usr/bin/java",
                new String[]{"-Dfoo=bar", "-Xmx700m", "-jar", "no-such-dir/docpulse.jar", "build", "--content", "docs"},
                "no-such-dir/docpulse.jar");
        assertThat(command).contains(List.of("/usr/bin/java", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-XX:MetaspaceSize=96m", "-Dfoo=bar", "-Xmx700m",
                "-Ddocpulse.launched=1", "-cp", "no-such-dir/docpulse.jar", "io.docpulse.cli.Main", "build", "--content",
                "docs"));
    }

    @Test
    void aLargeSiteKeepsTheOptimisingCompiler(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.write(dir.resolve("big.md"), new byte[(int) Launcher.QUICK_COMPILER_BYTES + 1]);
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not Markdown");
        assertThat(Launcher.markdownBytes(dir, Launcher.QUICK_COMPILER_BYTES))
                .isEqualTo(Launcher.QUICK_COMPILER_BYTES + 1);
        var command = Launcher.childCommand(new String[]{"build", "--content=" + dir}, "/usr/bin/java",
                new String[]{"-jar", "docpulse.jar", "build", "--content=" + dir}, "docpulse.jar");
        assertThat(command.orElseThrow()).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(Launcher.contentFolder(new String[]{"search", "--content", "docs", "x"})).isEqualTo(java.nio.file.Path.of("docs"));
    }

    @Test
    void theClassDataArchiveNextToTheJarIsUsedUnlessTheUserChoseOtherwise(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String jar = java.nio.file.Files.createFile(dir.resolve("docpulse.jar")).toString();
        String[] run = {"-jar", jar, "build"};
        assertThat(Launcher.childCommand(new String[]{"build"}, "/usr/bin/java", run, jar).orElseThrow())
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        java.nio.file.Path archive = java.nio.file.Files.createFile(dir.resolve(Launcher.ARCHIVE));
        assertThat(Launcher.childCommand(new String[]{"build"}, "/usr/bin/java", run, jar).orElseThrow())
                .contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(Launcher.childCommand(new String[]{"search", "owner"}, "/usr/bin/java",
                new String[]{"-jar", jar, "search", "owner"}, jar).orElseThrow())
                .contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        assertThat(Launcher.childCommand(new String[]{"build"}, "/usr/bin/java",
                new String[]{"-Xshare:off", "-jar", jar, "build"}, jar).orElseThrow())
                .contains("-Xshare:off").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
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
        // a search is short: no second JVM, unless the class-data archive makes up for it (see below)
        assertThat(Launcher.childCommand(new String[]{"search", "owner"}, "/usr/bin/java",
                new String[]{"-jar", "docpulse.jar", "search", "owner"}, "docpulse.jar")).isEmpty();
    }
}
