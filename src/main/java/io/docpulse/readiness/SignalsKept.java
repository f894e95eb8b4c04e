package io.docpulse.readiness;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.docpulse.config.ReadinessConfig;
import io.docpulse.content.ContentParser;
import io.docpulse.content.Finding;
import io.docpulse.content.Page;
import io.docpulse.util.Kept;

/**
 * What the real-time-dependence rules found on each page in the last build, kept in the cache
 * folder: a page's organisations and findings depend only on its file (path and bytes), its
 * category, the organisations the whole site names, the rules' settings and docpulse's own code, so
 * a page whose inputs are all unchanged is not read again. Everything is keyed by those inputs, so
 * what is reused is what a cold build would compute.
 */
final class SignalsKept {
    static final String FORMAT = "docpulse-signals-1";

    /** No file: every page is read, nothing kept. */
    static final SignalsKept NONE = new SignalsKept(null, "", Map.of(), Map.of());

    private final Path file;
    private final String key;
    private final Map<String, Set<String>> organisationsBefore;
    private final Map<String, List<Finding>> checksBefore;
    private final Map<String, Set<String>> organisationsNow = new ConcurrentHashMap<>();
    private final Map<String, List<Finding>> checksNow = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    private SignalsKept(Path file, String key, Map<String, Set<String>> organisations,
                        Map<String, List<Finding>> checks) {
        this.file = file;
        this.key = key;
        this.organisationsBefore = organisations;
        this.checksBefore = checks;
    }

    /** What {@code file} keeps for these settings and this build of docpulse; nothing for a null file. */
    static SignalsKept open(Path file, ReadinessConfig config) {
        if (file == null) return NONE;
        String key = FORMAT + "\n" + ContentParser.codeStamp() + "\n" + settings(config);
        record Both(Map<String, Set<String>> organisations, Map<String, List<Finding>> checks) {
        }
        Both both = Kept.read(file, key, in -> {
            ObjectInputStream objects = new ObjectInputStream(in);
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.base/*;io.docpulse.**;!*"));
            try {
                @SuppressWarnings("unchecked")
                Map<String, Set<String>> o = (Map<String, Set<String>>) objects.readObject();
                @SuppressWarnings("unchecked")
                Map<String, List<Finding>> c = (Map<String, List<Finding>>) objects.readObject();
                return new Both(o, c);
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }).orElse(new Both(Map.of(), Map.of()));
        return new SignalsKept(file, key, both.organisations(), both.checks());
    }

    /**
     * The settings as text in a fixed order (the config's maps and sets may iterate in any order
     * from one run to the next).
     */
    static String settings(ReadinessConfig c) {
        return new TreeMap<>(c.rules()) + "\n" + c.stubWords() + "\n" + new TreeMap<>(c.queries()) + "\n"
                + new TreeSet<>(c.notApplicable()) + "\n" + new TreeMap<>(c.weights());
    }

    /** A page's organisations, from the last build when its file is unchanged. */
    Set<String> organisations(Page p, Compute<Set<String>> compute) throws IOException {
        if (file == null) return compute.get();
        String k = p.path() + "\n" + p.sha256();
        Set<String> found = organisationsBefore.get(k);
        if (found == null) found = compute.get();
        organisationsNow.put(k, found);
        return found;
    }

    /** Computes what a page gives when the last build did not keep it. */
    @FunctionalInterface
    interface Compute<T> {
        T get() throws IOException;
    }

    /** A page's findings, from the last build when the file and everything else they depend on are unchanged. */
    List<Finding> check(Page p, String category, boolean record, String organisations,
                        Compute<List<Finding>> compute) throws IOException {
        if (file == null) return compute.get();
        String k = p.path() + "\n" + p.sha256() + "\n" + category + "\n" + record + "\n" + organisations;
        List<Finding> found = checksBefore.get(k);
        if (found == null) found = compute.get();
        else reused.incrementAndGet();
        checksNow.put(k, found);
        return found;
    }

    /** A short stamp of a set of organisation names, whatever its order. */
    static String stamp(Set<String> organisations) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : new TreeSet<>(organisations)) md.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps what this build used (only that, so the file does not grow), unless it is what was kept. */
    void save() {
        if (file == null) return;
        if (organisationsNow.equals(organisationsBefore) && checksNow.equals(checksBefore)) return;
        TreeMap<String, Set<String>> o = new TreeMap<>();
        organisationsNow.forEach((k, v) -> o.put(k, new TreeSet<>(v)));
        TreeMap<String, List<Finding>> c = new TreeMap<>();
        checksNow.forEach((k, v) -> c.put(k, new ArrayList<>(v)));
        Kept.write(file, key, out -> {
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(o);
            objects.writeObject(c);
            objects.flush();
        });
    }

    /** How many pages' findings came from the last build. */
    int reused() {
        return reused.get();
    }
}
