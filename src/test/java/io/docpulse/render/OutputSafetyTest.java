package io.docpulse.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.docpulse.TestSites;

class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path content() throws IOException {
        return TestSites.write(dir.resolve("content"), Map.of("README.md", "# Home\n", "a.md", "# A\n"));
    }

    @Test
    void failedBuildLeavesPreviousOutputIntact() throws IOException {
        Path content = content();
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        byte[] before = Files.readAllBytes(dir.resolve("out/a/index.html"));
        // a theme whose page template cannot be parsed makes the render fail
        TestSites.write(dir.resolve("themes/broken"), Map.of("page.peb", "{% if %}broken"));
        Files.writeString(dir.resolve("docpulse.yml"), "theme: broken\n");
        Files.writeString(content.resolve("a.md"), "# Changed\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("error: the run could not complete");
        assertThat(Files.readAllBytes(dir.resolve("out/a/index.html"))).isEqualTo(before);
        assertThat(leftovers(dir)).isEmpty();
        assertThat(leftovers(dir.resolve("cache"))).isEmpty();
    }

    @Test
    void aFullOutputFileSystemKeepsThePreviousSiteAndSaysSo() throws Exception {
        Path content = content();
        Path disk = dir.resolve("disk");
        try (SmallFileSystem fs = SmallFileSystem.mount(disk, "1m")) {
            Path out = disk.resolve("out");
            assertThat(build(content, out).exitCode()).isZero();
            Map<String, String> before = snapshot(out);
            fs.fill();
            // a new site larger than the old one, so that even the space the old site frees is not enough
            Files.writeString(content.resolve("a.md"), "# A\n\n" + "Words that take room in the page. ".repeat(20_000));
            TestSites.Run run = build(content, out);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("No space left on device").contains(disk.toString());
            assertThat(run.err()).doesNotContain("FileAlreadyExists");
            assertThat(snapshot(out)).isEqualTo(before);
            assertThat(leftovers(disk)).isEmpty();
            assertThat(leftovers(dir.resolve("cache"))).isEmpty();
        }
    }

    @Test
    void aFirstBuildIntoAFullFileSystemLeavesNothing() throws Exception {
        Path content = content();
        Path disk = dir.resolve("disk");
        try (SmallFileSystem fs = SmallFileSystem.mount(disk, "64k")) {
            fs.fill();
            Path out = disk.resolve("out");
            TestSites.Run run = build(content, out);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("No space left on device").contains(disk.toString());
            assertThat(out).doesNotExist();
            assertThat(leftovers(disk)).isEmpty();
        }
    }

    @Test
    void aBuildKilledBetweenTheTwoRenamesIsRepairedByTheNextBuild() throws Exception {
        Path content = content();
        Path out = dir.resolve("out");
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        Map<String, String> before = snapshot(out);
        OutputFolder folder = OutputFolder.check(content, out, dir.resolve("cache"));
        Path staging = folder.stage();
        Files.writeString(staging.resolve("index.html"), "the next site");
        folder.betweenRenames(() -> {
            throw new Killed();
        });
        assertThatThrownBy(() -> folder.publish(staging)).isInstanceOf(Killed.class);
        // what a kill at that moment leaves: no output folder, the old site and the new one beside it
        assertThat(out).doesNotExist();
        assertThat(leftovers(dir)).hasSize(2);

        // the next build fails (a broken theme), and still the old site is back and the rest is gone
        TestSites.write(dir.resolve("themes/broken"), Map.of("page.peb", "{% if %}broken"));
        Files.writeString(dir.resolve("docpulse.yml"), "theme: broken\n");
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void leftoversOfInterruptedBuildsAreRemovedByTheNextBuild() throws IOException {
        Path content = content();
        Path out = dir.resolve("out");
        Path cache = dir.resolve("cache");
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        // as killed builds left them: staging and previous folders in the cache (docpulse up to 0.1),
        // and beside the output
        for (Path p : List.of(cache.resolve("staging-1234"), cache.resolve("previous-5678"),
                dir.resolve(".out.staging-2147483646-1"), dir.resolve(".out.previous-2147483646-2"))) {
            TestSites.copyTree(out, p);
        }
        Files.createDirectories(dir.resolve(".out.staging-2147483646-3"));
        Files.writeString(dir.resolve(".out.notes"), "not docpulse's");
        Files.createDirectories(dir.resolve(".out.staging-mine"));
        Files.writeString(dir.resolve(".out.staging-mine/keep.txt"), "not docpulse's either");

        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(leftovers(cache)).isEmpty();
        assertThat(leftovers(dir)).containsExactly(".out.notes", ".out.staging-mine");
        assertThat(out.resolve("index.html")).exists();
    }

    @Test
    void theOutputFollowsTheUmaskLikeAnyFolder() throws IOException {
        Path content = content();
        Path reference = Files.createDirectory(dir.resolve("made-by-hand"));
        Set<PosixFilePermission> usual;
        try {
            usual = Files.getPosixFilePermissions(reference);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "this file system has no POSIX permissions");
            return;
        }
        assumeTrue(usual.contains(PosixFilePermission.OTHERS_READ),
                "the umask lets no one else read a new folder, so the output cannot show it either");
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        Path out = dir.resolve("out");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(out.resolve("a"))).isEqualTo(usual);
        // a second build swaps a new folder in: it must not be any stricter
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(usual);
    }

    /** Stands for the kill: an error no catch block in the swap handles. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    private TestSites.Run build(Path content, Path out) {
        return TestSites.run("build", "--content", content.toString(), "--out", out.toString(),
                "--cache-dir", dir.resolve("cache").toString());
    }

    /** Every file under root with its bytes, comparable with equals. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        TestSites.files(root).forEach((k, v) -> files.put(k, new String(v, StandardCharsets.ISO_8859_1)));
        return files;
    }

    /** Names in folder that a swap of {@code out} may leave: staging and previous copies. */
    private static List<String> leftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".out.") || n.startsWith("staging-") || n.startsWith("previous-"))
                    .sorted().toList();
        }
    }

    @Test
    void refusesOutputThatIsInsideOrContainsTheContent() throws IOException {
        Path content = content();
        for (String out : new String[]{content.toString(), content.resolve("site").toString(), dir.toString()}) {
            TestSites.Run run = TestSites.run("build", "--content", content.toString(), "--out", out,
                    "--cache-dir", dir.resolve("cache").toString());
            assertThat(run.exitCode()).as(out).isEqualTo(2);
            assertThat(run.err()).contains("error: the output folder");
        }
        assertThat(content.resolve("site")).doesNotExist();
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite() throws IOException {
        Path content = content();
        Path foreign = dir.resolve("out");
        TestSites.write(foreign, Map.of("precious.txt", "keep me"));
        TestSites.Run run = TestSites.build(dir, content);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("was not written by docpulse");
        assertThat(foreign.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void refusesAMountPointAsOutputBeforeWritingAnything() throws Exception {
        Path content = content();
        Path out = dir.resolve("out");
        try (SmallFileSystem fs = SmallFileSystem.mount(out, "64k")) {
            TestSites.Run run = TestSites.build(dir, content);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("error: the output folder " + out + " is a mount point")
                    .contains("hint: use a folder inside it as --out");
            assertThat(out).isEmptyDirectory();
            assertThat(leftovers(dir)).isEmpty();
        }
    }

    @Test
    void replacesItsOwnPreviousOutput() throws IOException {
        Path content = content();
        TestSites.build(dir, content);
        Files.delete(content.resolve("a.md"));
        assertThat(TestSites.build(dir, content).exitCode()).isZero();
        assertThat(dir.resolve("out/a")).doesNotExist();
        assertThat(dir.resolve("out/index.html")).exists();
    }
}
