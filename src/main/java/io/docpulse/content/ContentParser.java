package io.docpulse.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import io.docpulse.util.Parallel;

/**
 * The parse stage: reads every Markdown file and turns it into a {@link Page}, in parallel.
 * The result does not depend on the number of threads.
 */
public final class ContentParser {
    private final Routes routes;
    /** Made on first use: a build whose pages all come from the cache never loads the Markdown parser. */
    private volatile MarkdownRenderer markdown;

    /**
     * The stack of the second try at a page that overflowed its parse thread's stack. flexmark
     * recurses once per level of nested inline spans, and some of its patterns once per character
     * (an inline HTML comment of 1,500 characters overflowed a 1 MB stack).
     */
    static final long DEEP_STACK_BYTES = 128L << 20;
    private final long deepStackBytes;

    public ContentParser(Routes routes) {
        this(routes, DEEP_STACK_BYTES);
    }

    /** @param deepStackBytes the stack of the second try at a page that overflowed the first */
    ContentParser(Routes routes, long deepStackBytes) {
        this.routes = routes;
        this.deepStackBytes = deepStackBytes;
    }

    /** What parsing one file gave: a page (or none, for a file that is not text) and its findings. */
    private record One(Optional<Page> page, List<Finding> findings) {
    }

    /** A file's parse as kept for the next build: the hash of its bytes, its page (or null) and findings. */
    private record KeptPage(String sha256, Page page, List<Finding> findings) implements java.io.Serializable {
    }

    /** Bump when parsing gives other pages from the same files. */
    static final String FORMAT = "docpulse-parsed-3";

    /**
     * Parses the pages, reusing what the last build kept in {@code keep} (in the cache folder) for
     * every file whose bytes are unchanged: a page's parse depends only on its bytes and the site's
     * layout (which paths exist, the base path, the repository), which is part of the key, with the
     * parser's own code. What this run parsed is kept for the next.
     *
     * @param settings what else the pages' HTML depends on: the base path and repository settings
     */
    public ParsedContent parse(ContentSet content, int threads, java.nio.file.Path keep, String settings)
            throws IOException {
        String key = key(content, settings);
        Map<String, KeptPage> kept = io.docpulse.util.Kept.read(keep, key, in -> {
            java.io.ObjectInputStream objects = new java.io.ObjectInputStream(in);
            objects.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
                    "java.base/*;io.docpulse.**;!*"));
            try {
                @SuppressWarnings("unchecked")
                Map<String, KeptPage> m = (Map<String, KeptPage>) objects.readObject();
                return m;
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }).orElse(Map.of());
        Map<String, KeptPage> now = new java.util.concurrent.ConcurrentHashMap<>();
        List<One> results = Parallel.map(content.pages(), threads, "parse", f -> {
            byte[] bytes = Files.readAllBytes(f.absolute());
            String sha = sha256(bytes);
            KeptPage before = kept.get(f.path());
            if (before != null && before.sha256().equals(sha)) {
                now.put(f.path(), before);
                return new One(Optional.ofNullable(before.page()), before.findings());
            }
            One one = parseOne(f, bytes);
            now.put(f.path(), new KeptPage(sha, one.page().orElse(null), one.findings()));
            return one;
        });
        long reused = content.pages().stream().filter(f -> now.get(f.path()) == kept.get(f.path())).count();
        if (reused < content.pages().size() || kept.size() != now.size()) {
            java.util.TreeMap<String, KeptPage> sorted = new java.util.TreeMap<>(now);
            io.docpulse.util.Kept.write(keep, key, out -> {
                java.io.ObjectOutputStream objects = new java.io.ObjectOutputStream(out);
                objects.writeObject(sorted);
                objects.flush();
            });
        }
        return collect(results);
    }

    /** The site's layout and the parser's code, which every page's parse depends on. */
    private static String key(ContentSet content, String settings) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "\n" + codeStamp() + "\n" + settings + "\n").getBytes(StandardCharsets.UTF_8));
            for (SourceFile f : content.pages()) md.update(("p " + f.path() + "\n").getBytes(StandardCharsets.UTF_8));
            for (SourceFile f : content.assets()) md.update(("a " + f.path() + "\n").getBytes(StandardCharsets.UTF_8));
            for (SourceFile f : content.hidden()) md.update(("h " + f.path() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checksums of a zip file's central directory (found from its end record). */
    static String centralDirectoryHash(java.nio.file.Path zip) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(zip.toFile(), "r")) {
            long length = f.length();
            int tail = (int) Math.min(length, 65_557);
            byte[] end = new byte[tail];
            f.seek(length - tail);
            f.readFully(end);
            ByteBuffer b = ByteBuffer.wrap(end).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = tail - 22; i >= 0; i--) {
                if (b.getInt(i) != 0x06054b50) continue;
                long size = Integer.toUnsignedLong(b.getInt(i + 12));
                long offset = Integer.toUnsignedLong(b.getInt(i + 16));
                if (offset + size > length || size > (64 << 20)) break;
                byte[] directory = new byte[(int) size];
                f.seek(offset);
                f.readFully(directory);
                // two checksums the JDK computes natively: instant in a JVM that has just started
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(directory);
                java.util.zip.CRC32C crcc = new java.util.zip.CRC32C();
                crcc.update(directory);
                return size + "-" + Long.toHexString(crc.getValue()) + "-" + Long.toHexString(crcc.getValue());
            }
            throw new IOException("no zip end record in " + zip);
        }
    }

    /**
     * Which build of docpulse this is: a hash of its jar's central directory (every entry's name,
     * CRC, size and time, which the build pins), so that a jar built again from the same sources
     * keeps the cache and any other code does not; for classes in a folder, their newest time.
     */
    public static String codeStamp() {
        String stamp = codeStamp;
        if (stamp == null) codeStamp = stamp = readCodeStamp();
        return stamp;
    }

    private static volatile String codeStamp;

    private static String readCodeStamp() {
        try {
            var source = ContentParser.class.getProtectionDomain().getCodeSource();
            java.nio.file.Path where = java.nio.file.Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(where)) return "jar:" + centralDirectoryHash(where);
            long newest = 0;
            try (var classes = Files.walk(where)) {
                for (var it = classes.filter(Files::isRegularFile).iterator(); it.hasNext(); ) {
                    newest = Math.max(newest, Files.getLastModifiedTime(it.next()).toMillis());
                }
            }
            return "classes:" + newest;
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // unknown code: never reuse anything
            return "unknown:" + System.nanoTime();
        }
    }

    public ParsedContent parse(ContentSet content, int threads) throws IOException {
        return parse(content.pages(), threads);
    }

    /** Parses some of the pages (serve parses only the files that changed). */
    public ParsedContent parse(List<SourceFile> files, int threads) throws IOException {
        return collect(Parallel.map(files, threads, "parse", f -> parseOne(f, Files.readAllBytes(f.absolute()))));
    }

    private MarkdownRenderer markdown() {
        MarkdownRenderer m = markdown;
        if (m == null) {
            synchronized (this) {
                if (markdown == null) markdown = new MarkdownRenderer(routes);
                m = markdown;
            }
        }
        return m;
    }

    private static ParsedContent collect(List<One> results) {
        List<Page> pages = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (One one : results) {
            one.page().ifPresent(pages::add);
            findings.addAll(one.findings());
        }
        return new ParsedContent(pages, findings);
    }

    private One parseOne(SourceFile f, byte[] bytes) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (looksBinary(bytes)) {
            findings.add(new Finding("binary-file", Severity.ERROR, SourceRef.file(f.path()),
                    "this .md file is not text (it holds NUL bytes), so it is left out of the site",
                    "rename it if it is not Markdown, or save it again as UTF-8 text"));
            return new One(Optional.empty(), findings);
        }
        String text = decode(f.path(), bytes, findings);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            findings.add(new Finding("empty-page", Severity.WARNING, SourceRef.file(f.path()),
                    "the page is empty", "write the page, or delete the file"));
        }
        FrontMatterParser.Split split = FrontMatterParser.split(f.path(), text);
        findings.addAll(split.findings());
        MarkdownRenderer.Rendered r = renderContained(f.path(), split.body(), findings);
        FrontMatter fm = split.frontMatter();
        String title;
        TitleSource source;
        Optional<Heading> h1 = r.headings().stream().filter(h -> h.level() == 1).findFirst();
        if (!fm.title().isBlank()) {
            title = fm.title();
            source = TitleSource.FRONT_MATTER;
        } else if (h1.isPresent() && !h1.get().text().isBlank()) {
            title = h1.get().text();
            source = TitleSource.H1;
        } else {
            title = titleFromFileName(f);
            source = TitleSource.FILE_NAME;
        }
        String plain = r.text();
        Page page = new Page(f.path(), routes.routeOf(f.path()), title, source, fm, r.headings(), r.links(), plain,
                countWords(plain), r.html(), h1.isPresent(), r.usesMermaid(), r.usesTabs(), r.usesMath(), r.codeLanguages(), r.htmlAnchors(), r.sections(), sha256(bytes));
        return new One(Optional.of(page), findings);
    }

    /**
     * Renders a page whatever it holds: nesting too deep is flattened (and reported); a page that
     * still overflows the stack gets a second try on a deep one; a page that cannot be rendered at
     * all is shown as its Markdown text, with an error naming the first line that fails.
     */
    private MarkdownRenderer.Rendered renderContained(String path, String body, List<Finding> findings)
            throws IOException {
        MarkdownNesting.Result nesting = MarkdownNesting.flatten(body);
        if (nesting.line() > 0) {
            findings.add(new Finding("too-deeply-nested", Severity.WARNING, SourceRef.line(path, nesting.line()),
                    "block quotes and lists are nested " + nesting.depth() + " levels deep; below level "
                            + MarkdownNesting.MAX_DEPTH + " they are shown flattened into level " + MarkdownNesting.MAX_DEPTH,
                    "nest a few levels at most: split the list or the quote, or use headings"));
        }
        String text = nesting.text();
        Attempt attempt = tryRender(path, text);
        if (attempt.failure() == null) {
            findings.addAll(attempt.rendered().findings());
            findings.addAll(UndefinedReferences.findings(path, attempt.rendered().undefinedReferences(),
                    attempt.rendered().headings()));
            return attempt.rendered();
        }
        Throwable failure = attempt.failure();
        int line = firstFailingLine(path, text, failure);
        findings.add(new Finding("page-not-rendered", Severity.ERROR, SourceRef.line(path, line),
                (failure instanceof StackOverflowError
                        ? "the Markdown parser ran out of stack on this page"
                        : "the Markdown parser failed on this page (" + failure + ")")
                        + "; the page is shown as plain text",
                "look for what is unusual from this line on (very long lines, deep nesting) and simplify it"));
        return asPlainText(body);
    }

    /** A rendered page, or what failed instead. */
    private record Attempt(MarkdownRenderer.Rendered rendered, Throwable failure) {
    }

    private Attempt tryRender(String path, String markdown) throws IOException {
        try {
            return new Attempt(markdown().render(path, markdown), null);
        } catch (StackOverflowError e) {
            // a second try below, on a thread with a deep stack
        } catch (RuntimeException e) {
            return new Attempt(null, e);
        }
        Attempt[] out = new Attempt[1];
        Thread deep = new Thread(null, () -> {
            try {
                out[0] = new Attempt(markdown().render(path, markdown), null);
            } catch (StackOverflowError | RuntimeException e) {
                out[0] = new Attempt(null, e);
            }
        }, "docpulse-parse-deep", deepStackBytes);
        deep.start();
        try {
            deep.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing " + path, e);
        }
        return out[0];
    }

    /** The first line (1-based) such that the page up to it fails as the whole page did. */
    private int firstFailingLine(String path, String markdown, Throwable failure) throws IOException {
        List<Integer> ends = new ArrayList<>();
        for (int i = markdown.indexOf('\n'); i >= 0; i = markdown.indexOf('\n', i + 1)) ends.add(i + 1);
        if (ends.isEmpty() || ends.get(ends.size() - 1) < markdown.length()) ends.add(markdown.length());
        int lo = 1;
        int hi = ends.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Throwable t = tryRender(path, markdown.substring(0, ends.get(mid - 1))).failure();
            if (t != null && t.getClass() == failure.getClass()) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static MarkdownRenderer.Rendered asPlainText(String body) {
        String text = body.strip();
        String html = "<pre class=\"not-rendered\">" + io.docpulse.util.Html.escape(text) + "</pre>\n";
        return new MarkdownRenderer.Rendered(html, List.of(), List.of(), text, false, false, false, List.of(), List.of(),
                List.of(new Section("", "", 1, text)), List.of(), List.of());
    }

    static String titleFromFileName(SourceFile f) {
        String base = f.baseName();
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.equals("index") || lower.equals("readme")) {
            String folder = f.folder();
            if (folder.isEmpty()) return "Home";
            String trimmed = folder.substring(0, folder.length() - 1);
            base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return prettify(base);
    }

    /** {@code getting-started} becomes {@code Getting started}. */
    public static String prettify(String name) {
        String s = name.replace('-', ' ').replace('_', ' ').strip();
        return s.isEmpty() ? name : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) return true;
        }
        return false;
    }

    /** Decodes UTF-8; invalid bytes become U+FFFD and the first one is reported with its line. */
    private static String decode(String path, byte[] bytes, List<Finding> findings) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult cr = strict.decode(in, out, true);
        if (cr.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            findings.add(new Finding("invalid-utf8", Severity.ERROR, SourceRef.line(path, line),
                    "the file is not valid UTF-8 (byte " + (bad + 1) + "); unreadable characters are shown as \uFFFD",
                    "save the file as UTF-8 in your editor (for example: iconv -f latin1 -t utf-8)"));
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int countWords(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) words++;
            in = letter;
        }
        return words;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
