package io.docpulse.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real, small file system (a tmpfs) mounted on a folder for one test, so that a test can fill it up.
 * Mounting needs Linux and the right to mount (root, or a user namespace); where that is missing the
 * test is skipped with the reason.
 */
final class SmallFileSystem implements AutoCloseable {
    private final Path dir;

    private SmallFileSystem(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as {@code mount -o size=} takes it, e.g. {@code 2m}) on {@code dir}. */
    static SmallFileSystem mount(Path dir, String size) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "a small tmpfs can only be mounted on Linux");
        Files.createDirectories(dir);
        String out;
        int code;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            code = p.waitFor();
        } catch (IOException e) {
            out = e.getMessage();
            code = -1;
        }
        assumeTrue(code == 0, "cannot mount a tmpfs on " + dir + " (needs root or CAP_SYS_ADMIN): " + out);
        return new SmallFileSystem(dir);
    }

    /** Writes a filler file until the file system reports that no space is left. */
    void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream o = Files.newOutputStream(dir.resolve("filler"))) {
            while (true) o.write(block);
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) throw e;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IOException("umount " + dir + " failed: " + out);
    }
}
