package io.docpulse.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * The Pebble templates and static assets of the site's look. The built-in default theme ships in
 * the jar; a {@code themes/NAME/} folder next to the content overrides it file by file.
 * Templates are autoescaped; only values marked {@code |raw} (the rendered page body) are not.
 */
final class Theme {
    static final String BUILT_IN = "docpulse-theme/default/";

    private final PebbleEngine engine;
    private final Optional<Path> overrides;

    Theme(Optional<Path> overrides) {
        this.overrides = overrides;
        ClasspathLoader builtIn = new ClasspathLoader(Theme.class.getClassLoader());
        builtIn.setPrefix(BUILT_IN.substring(0, BUILT_IN.length() - 1));
        List<Loader<?>> loaders;
        if (overrides.isPresent()) {
            FileLoader custom = new FileLoader();
            custom.setPrefix(overrides.get().toString());
            loaders = List.of(custom, builtIn);
        } else {
            loaders = List.of(builtIn);
        }
        this.engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .build();
    }

    String render(String template, Map<String, Object> context) {
        PebbleTemplate t = engine.getTemplate(template);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            t.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * What the templates' output depends on besides the values given to them: docpulse's own code
     * (the built-in theme is in its jar) and every file of the theme folder that overrides it.
     */
    String stamp() throws IOException {
        StringBuilder sb = new StringBuilder(io.docpulse.content.ContentParser.codeStamp());
        if (overrides.isPresent() && Files.isDirectory(overrides.get())) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                try (Stream<Path> files = Files.walk(overrides.get())) {
                    for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                        md.update((overrides.get().relativize(p) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(p));
                    }
                }
                sb.append('\n').append(java.util.HexFormat.of().formatHex(md.digest()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    /** Every asset file (under {@code assets/}) of the theme, override first, as relative path to bytes. */
    Map<String, byte[]> assets() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        URL url = Theme.class.getClassLoader().getResource(BUILT_IN + "assets");
        if (url == null) throw new IOException("the built-in theme is missing from the jar");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                readTree(fs.provider().getPath(uri), out);
            } else {
                readTree(Path.of(uri), out);
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (overrides.isPresent() && Files.isDirectory(overrides.get().resolve("assets"))) {
            readTree(overrides.get().resolve("assets"), out);
        }
        return out;
    }

    private static void readTree(Path dir, Map<String, byte[]> out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }
}
