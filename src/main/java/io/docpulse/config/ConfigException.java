package io.docpulse.config;

import java.nio.file.Path;

/** The configuration cannot be used; the build stops with exit code 2. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;
    private final String hint;
    private final transient java.util.List<ConfigException> more;

    public ConfigException(Path file, int line, String message, String hint) {
        this(file, line, message, hint, java.util.List.of());
    }

    private ConfigException(Path file, int line, String message, String hint, java.util.List<ConfigException> more) {
        super(message);
        this.file = file;
        this.line = line;
        this.hint = hint == null ? "" : hint;
        this.more = java.util.List.copyOf(more);
    }

    /** This problem, followed by others of the same file found in the same read. */
    public ConfigException with(java.util.List<ConfigException> others) {
        return new ConfigException(file, line, getMessage(), hint, others);
    }

    /** Further problems found with this one (every unknown key, not only the first); often empty. */
    public java.util.List<ConfigException> more() {
        return more;
    }

    /** The config file, or null when the problem is not in a file (a command-line value). */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0. */
    public int line() {
        return line;
    }

    public String hint() {
        return hint;
    }

    /** {@code docpulse.yml:3: unknown key 'site_nme'}. */
    public String location() {
        if (file == null) return "";
        return file + (line > 0 ? ":" + line : "") + ": ";
    }
}
