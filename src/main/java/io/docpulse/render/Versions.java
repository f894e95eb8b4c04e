package io.docpulse.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of docpulse and the front-end libraries it bundles, written into the jar at build time. */
public final class Versions {
    private static final Properties PROPS = load();

    private Versions() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream("docpulse-version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static String get(String key) {
        return PROPS.getProperty(key, "unknown");
    }

    /** docpulse's own version. */
    public static String docpulse() {
        return get("version");
    }
}
