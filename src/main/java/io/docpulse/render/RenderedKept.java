package io.docpulse.render;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.docpulse.util.Kept;

/**
 * Which template and values made each HTML file of the last build, kept in the cache folder, so
 * that a file whose template and values are unchanged is taken from the last build's output instead
 * of being rendered again. A page is a pure function of its template (the theme and docpulse's own
 * code are part of the key) and the values handed to it, so the reused file has the bytes a render
 * would write.
 *
 * <p>The last build's file is reused only when it is still what that build wrote: a regular file,
 * not a link, inside the output folder, with the size and modification time recorded after that
 * build. It is hard-linked into the new site (copied where the file system has no hard links), so
 * it costs neither a render nor a write.
 */
final class RenderedKept {
    static final String FORMAT = "docpulse-rendered-1";

    /**
     * A value of a template that costs something to compute (a page's body with its heading links,
     * its description from the first paragraph), keyed by what it is computed from, and computed only
     * when the file is rendered.
     */
    record Later(Object input, java.util.function.Supplier<Object> value) {
    }

    /** Puts the value of every {@link Later} in {@code values} (and the linked maps in it) in its place. */
    @SuppressWarnings("unchecked")
    static void resolve(Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof Later later) {
                e.setValue(later.value().get());
            } else if (e.getValue() instanceof LinkedHashMap<?, ?> inner) {
                resolve((Map<String, Object>) inner);
            }
        }
    }

    /** What the last build wrote at one path: the key of its template and values, its size and time. */
    private record Entry(String key, long size, long nanos) {
    }

    private final Path file;
    private final String stamp;
    private final Path previous;
    private final Map<String, Entry> before;
    private final Map<String, String> now = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    private RenderedKept(Path file, String stamp, Path previous, Map<String, Entry> before) {
        this.file = file;
        this.stamp = stamp;
        this.previous = previous;
        this.before = before;
    }

    /**
     * What {@code file} (in the cache folder) says the output folder {@code previous} holds, if it
     * was written with the same theme and code ({@code stamp}).
     */
    static RenderedKept open(Path file, Path previous, String stamp) {
        Path out = previous.toAbsolutePath().normalize();
        String key = FORMAT + "\n" + stamp + "\n" + out;
        Map<String, Entry> before = Kept.read(file, key, in -> {
            int n = in.readInt();
            Map<String, Entry> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String path = Kept.readString(in);
                m.put(path, new Entry(Kept.readString(in), in.readLong(), in.readLong()));
            }
            return m;
        }).orElse(Map.of());
        return new RenderedKept(file, stamp, out, before);
    }

    /** How many files were taken from the last build. */
    int reused() {
        return reused.get();
    }

    /**
     * Puts the file the last build wrote at {@code path} into {@code staging}, if it was made from the
     * same key and is still as written.
     *
     * @return whether it did; if not, the caller renders the file
     */
    boolean reuse(String path, String key, Path staging) {
        if (key == null) return false;
        Entry e = before.get(path);
        if (e == null || !e.key().equals(key)) return false;
        Path old = previous.resolve(path).normalize();
        Path target = staging.resolve(path);
        try {
            if (!old.startsWith(previous)) return false;
            BasicFileAttributes a = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() != e.size() || a.lastModifiedTime().to(TimeUnit.NANOSECONDS) != e.nanos()) {
                return false;
            }
            // no folder on the way may be a link that leads out of the output folder
            if (!old.toRealPath().startsWith(previous.toRealPath())) return false;
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, old);
            } catch (IOException | UnsupportedOperationException noLinks) {
                Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException gone) {
            return false;
        }
        now.put(path, key);
        reused.incrementAndGet();
        return true;
    }

    /** Notes that {@code path} was rendered from {@code key} in this build. */
    void rendered(String path, String key) {
        if (key != null) now.put(path, key);
    }

    /** Records what the published site {@code out} now holds, for the next build. */
    void save(Path out) {
        if (file == null) return;
        Path site = out.toAbsolutePath().normalize();
        Map<String, Entry> entries = new TreeMap<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            try {
                BasicFileAttributes a = Files.readAttributes(site.resolve(e.getKey()), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                entries.put(e.getKey(), new Entry(e.getValue(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
            } catch (IOException gone) {
                // not kept: rendered again next time
            }
        }
        Kept.write(file, FORMAT + "\n" + stamp + "\n" + site, o -> {
            o.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Kept.writeString(o, e.getKey());
                Kept.writeString(o, e.getValue().key());
                o.writeLong(e.getValue().size());
                o.writeLong(e.getValue().nanos());
            }
        });
    }

    /**
     * The key of a template and the values given to it: a hash of the template's name and every
     * value, nested maps, lists and records included, or null when a value is of a kind this cannot
     * read (such a file is always rendered). Maps that keep an order (linked, sorted) are read in
     * their order, because a template may go through them in it; others by sorted key.
     */
    static String key(String template, Map<String, Object> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Hasher h = new Hasher(md);
            h.string(template);
            h.value(values);
            return HexFormat.of().formatHex(md.digest());
        } catch (Unsupported e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Feeds values to a digest with a tag and a length before each, so no two values feed the same bytes. */
    private static final class Hasher {
        private final MessageDigest md;
        private final byte[] buf = new byte[9];

        Hasher(MessageDigest md) {
            this.md = md;
        }

        private void tag(char t, long n) {
            buf[0] = (byte) t;
            for (int i = 0; i < 8; i++) buf[1 + i] = (byte) (n >>> (8 * i));
            md.update(buf, 0, 9);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            tag('S', b.length);
            md.update(b);
        }

        void value(Object v) throws Unsupported {
            if (v == null) {
                tag('N', 0);
            } else if (v instanceof Later later) {
                tag('Z', 0);
                value(later.input());
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof Boolean b) {
                tag('B', b ? 1 : 0);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                tag('I', ((Number) v).longValue());
            } else if (v instanceof Double || v instanceof Float) {
                tag('D', Double.doubleToLongBits(((Number) v).doubleValue()));
            } else if (v instanceof Enum<?> e) {
                tag('E', 0);
                string(e.getDeclaringClass().getName());
                string(e.name());
            } else if (v instanceof Map<?, ?> m) {
                tag('M', m.size());
                if (m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?>) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        value(e.getKey());
                        value(e.getValue());
                    }
                } else {
                    TreeMap<String, Object> sorted = new TreeMap<>();
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (!(e.getKey() instanceof String k)) throw new Unsupported();
                        sorted.put(k, e.getValue());
                    }
                    for (Map.Entry<String, Object> e : sorted.entrySet()) {
                        string(e.getKey());
                        value(e.getValue());
                    }
                }
            } else if (v instanceof java.util.List<?> l) {
                tag('L', l.size());
                for (Object o : l) value(o);
            } else if (v instanceof Collection<?>) {
                // a set's order may change from run to run: a template going through it would too
                throw new Unsupported();
            } else if (v instanceof java.util.Optional<?> o) {
                tag('O', o.isPresent() ? 1 : 0);
                if (o.isPresent()) value(o.get());
            } else if (v.getClass().isRecord()) {
                RecordComponent[] parts = v.getClass().getRecordComponents();
                tag('R', parts.length);
                string(v.getClass().getName());
                for (RecordComponent c : parts) {
                    try {
                        var accessor = c.getAccessor();
                        accessor.setAccessible(true);
                        value(accessor.invoke(v));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new Unsupported();
                    }
                }
            } else {
                throw new Unsupported();
            }
        }
    }
}
