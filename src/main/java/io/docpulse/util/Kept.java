package io.docpulse.util;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A result kept in docpulse's cache folder for the next run, in one file that starts with the key
 * it was computed under (what it depends on: a fingerprint of the pages, the settings, a format
 * version). A file with another key, or that cannot be read, is as if it were not there: the caller
 * computes the result again. A file is written next to its place and renamed over it, so a run that
 * stops halfway leaves the old one or the new one, never half of one.
 */
public final class Kept {
    private Kept() {
    }

    /** Reads the body of a kept result. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Writes the body of a result to keep. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** The result kept in {@code file} under {@code key}, or empty. */
    public static <T> Optional<T> read(Path file, String key, Reader<T> reader) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (!readString(in).equals(key)) return Optional.empty();
            return Optional.of(reader.read(in));
        } catch (IOException | RuntimeException e) {
            // a damaged or old file is only a cache
            return Optional.empty();
        }
    }

    /** Keeps a result in {@code file} under {@code key}; a failure to write only loses the cache. */
    public static void write(Path file, String key, Writer writer) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                writeString(out, key);
                writer.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            // the next run computes it again
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }

    /** A string of any length, as UTF-8 bytes after their count. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    /** Bytes after their count (a short file fails). */
    public static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 30)) throw new IOException("bad length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** Bytes, after their count. */
    public static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }
}
