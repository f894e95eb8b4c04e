package io.docpulse.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Turns the Markdown of one page into HTML and the facts later stages need. This is the only class
 * that knows flexmark; it is immutable and safe to share between threads.
 */
final class MarkdownRenderer {
    private static final Pattern ALERT = Pattern.compile("^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\][ \\t]*(?:\\r?\\n|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADMONITION_LINE = Pattern.compile("^[ \\t]*(?:!!!|\\?\\?\\?)", Pattern.MULTILINE);
    // {#id}, and mdBook/Pandoc's { #id .class } form
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{\\s*#([A-Za-z0-9_:.\\-]+)(?:\\s+[^}]*)?\\s*\\}\\s*$");
    private static final Pattern HTML_URL_ATTR = Pattern.compile(
            "(\\s(?:href|src)\\s*=\\s*)(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    // every attribute a browser follows or loads, quoted or not: checked for javascript: and the like
    private static final Pattern HTML_ANY_URL_ATTR = Pattern.compile(
            "\\s(href|src|action|formaction|xlink:href|data|poster|background|cite|lowsrc|dynsrc)\\s*=\\s*"
                    + "(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRCSET_ATTR = Pattern.compile(
            "(\\ssrcset\\s*=\\s*)(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ANCHOR_ATTR = Pattern.compile(
            "<[a-zA-Z][^>]*?\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Set<String> HTML_LINK_TAGS = Set.of("a", "img", "source", "link", "video", "audio");
    private static final Pattern HTML_TAG_ATTR = Pattern.compile(
            "<(a|img|source|link|video|audio)\\b[^>]*?\\s(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    /** What the render of one page gives back. */
    record Rendered(String html, List<io.docpulse.content.Heading> headings, List<RawLink> links, String text,
                    boolean usesMermaid, boolean usesTabs, boolean usesMath, List<String> codeLanguages,
                    List<String> htmlAnchors, List<Section> sections,
                    List<UndefinedReferences.Written> undefinedReferences, List<Finding> findings) {
    }

    /** Per-page state the flexmark callbacks read, kept in the document's data. */
    private static final class PageState {
        final String path;
        final String route;
        final Map<Node, String> headingIds = new IdentityHashMap<>();
        final Map<Node, String> alerts = new IdentityHashMap<>();

        PageState(String path, String route) {
            this.path = path;
            this.route = route;
        }
    }

    private static final DataKey<PageState> STATE = new DataKey<>("DOCPULSE_PAGE_STATE", (PageState) null);

    private final Parser parser;
    private final Parser parserWithAdmonitions;
    private final HtmlRenderer renderer;
    private final Routes routes;

    MarkdownRenderer(Routes routes) {
        this.routes = routes;
        MutableDataSet options = new MutableDataSet();
        DocpulseExtension own = new DocpulseExtension();
        List<com.vladsch.flexmark.util.misc.Extension> common = List.of(
                TablesExtension.create(), StrikethroughExtension.create(), TaskListExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create(), EmojiExtension.create(),
                ContentTabs.extension(), MathSyntax.extension());
        // The admonition extension parses `!!! note`; its own renderer (inline SVG icons, its own CSS)
        // is left out: ours renders admonitions and GitHub alerts alike.
        List<com.vladsch.flexmark.util.misc.Extension> parsing = new ArrayList<>(common);
        parsing.add(AdmonitionExtension.create());
        List<com.vladsch.flexmark.util.misc.Extension> rendering = new ArrayList<>(common);
        rendering.add(own);
        options.set(Parser.EXTENSIONS, common);
        // No spaces in a bare destination: [a](my page.md) is text, as in CommonMark and on GitHub.
        // FastInlineParser reads <my page.md>, which may hold spaces.
        options.set(Parser.SPACE_IN_LINK_URLS, false);
        // :tada: becomes the Unicode emoji, as on GitHub; a shortcode with no Unicode form stays as written
        options.set(EmojiExtension.USE_SHORTCUT_TYPE, EmojiShortcutType.ANY_GITHUB_PREFERRED);
        options.set(EmojiExtension.USE_IMAGE_TYPE, EmojiImageType.UNICODE_ONLY);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS, "");
        this.parser = FastInlineParser.use(Parser.builder(options)).build();
        // The admonition block parser is tried on every line; most pages have none, so it runs
        // only for pages that have a line starting with !!! or ???.
        MutableDataSet admonitionOptions = new MutableDataSet(options);
        admonitionOptions.set(Parser.EXTENSIONS, parsing);
        this.parserWithAdmonitions = FastInlineParser.use(Parser.builder(admonitionOptions)).build();
        MutableDataSet renderOptions = new MutableDataSet(options);
        renderOptions.set(Parser.EXTENSIONS, rendering);
        this.renderer = HtmlRenderer.builder(renderOptions).build();
    }

    Rendered render(String path, String body) {
        Document doc = (ADMONITION_LINE.matcher(body).find() ? parserWithAdmonitions : parser).parse(body);
        PageState state = new PageState(path, routes.routeOf(path));
        doc.set(STATE, state);
        LineIndex lines = new LineIndex(body);
        List<Finding> findings = new ArrayList<>();
        // two more walks of the tree, only for the pages that can have tabs
        if (body.contains("===")) {
            ContentTabs.group(doc);
            for (ContentTabs.Problem p : ContentTabs.problems(doc)) {
                findings.add(new Finding("malformed-tab", Severity.WARNING,
                        new SourceRef(path, lines.line(p.offset()), lines.column(p.offset())), p.message(), p.hint()));
            }
        }
        boolean tabs = false;
        boolean math = false;
        List<io.docpulse.content.Heading> headings = new ArrayList<>();
        List<RawLink> links = new ArrayList<>();
        boolean[] mermaid = {false};
        List<String> languages = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        List<UndefinedReferences.Written> undefined = new ArrayList<>();
        GitHubSlugger slugger = new GitHubSlugger();
        // Explicit ids first, so a generated id never takes one a writer chose.
        List<Heading> flexHeadings = new ArrayList<>();
        Map<Heading, String> explicit = new HashMap<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Heading h) {
                flexHeadings.add(h);
                String id = stripExplicitId(h);
                if (id != null) {
                    explicit.put(h, id);
                    slugger.reserve(id);
                }
            }
        }
        for (Heading h : flexHeadings) {
            String text = collectText(h).strip();
            String id = explicit.containsKey(h) ? explicit.get(h) : slugger.slug(text);
            if (id.isEmpty()) id = slugger.slug("section");
            state.headingIds.put(h, id);
            headings.add(new io.docpulse.content.Heading(h.getLevel(), text, id, lines.line(h.getStartOffset())));
        }
        for (Node n : doc.getDescendants()) {
            if (n instanceof ContentTabs.TabSet) {
                tabs = true;
            } else if (n instanceof MathSyntax.InlineMath) {
                math = true;
            } else if (n instanceof MathSyntax.DisplayMath dm) {
                if (dm.closed) {
                    math = true;
                } else {
                    findings.add(new Finding("math-unclosed", Severity.WARNING,
                            SourceRef.line(path, lines.line(dm.getStartOffset())),
                            "$$ starts display math, but no line ending with $$ closes it before the next blank line;"
                                    + " it is shown as text",
                            "end the math with $$ (with no blank line inside it), or write \\$$ for dollar signs"));
                }
            } else if (n instanceof BlockQuote bq) {
                markAlert(bq, state);
            } else if (n instanceof FencedCodeBlock code) {
                if (isMermaid(code)) {
                    mermaid[0] = true;
                } else {
                    String lang = language(code);
                    if (!lang.isEmpty() && !languages.contains(lang)) languages.add(lang);
                }
            } else if (n instanceof Link link) {
                links.add(rawLink(path, link.getUrl().toString(), collectText(link), false, n, lines));
            } else if (n instanceof AutoLink auto) {
                String url = auto.getUrl().toString();
                // GFM's www. autolinks get http:// in the page (flexmark's renderer adds it), so they are web links
                if (url.regionMatches(true, 0, "www.", 0, 4)) url = "http://" + url;
                links.add(rawLink(path, url, auto.getText().toString(), false, n, lines));
            } else if (n instanceof Image image) {
                String alt = collectText(image);
                int offset = n.getStartOffset();
                links.add(new RawLink(image.getUrl().toString(), alt, true,
                        new SourceRef(path, lines.line(offset), lines.column(offset)), alt.isBlank()));
            } else if (n instanceof LinkRef ref && ref.isDefined()) {
                Reference r = ref.getReferenceNode(doc);
                if (r != null) links.add(rawLink(path, r.getUrl().toString(), collectText(ref), false, n, lines));
            } else if (n instanceof ImageRef ref && ref.isDefined()) {
                Reference r = ref.getReferenceNode(doc);
                if (r != null) {
                    String alt = collectText(ref);
                    int offset = n.getStartOffset();
                    links.add(new RawLink(r.getUrl().toString(), alt, true,
                            new SourceRef(path, lines.line(offset), lines.column(offset)), alt.isBlank()));
                }
            } else if (n instanceof HtmlBlock || n instanceof HtmlInline) {
                unsafeHtmlUrls(path, n, lines, links);
                htmlLinks(path, n, lines, links);
                srcsetLinks(path, n, lines, links);
                htmlAnchors(n, anchors);
            } else if (n instanceof RefNode ref && !ref.isDefined() && (n instanceof LinkRef || n instanceof ImageRef)) {
                undefined.add(undefinedReference(ref, body, lines));
            }
        }
        String html = renderer.render(doc);
        String text = PlainText.of(doc);
        return new Rendered(html, headings, links, text, mermaid[0], tabs, math, languages, anchors, sections(doc, state),
                undefined, findings);
    }

    private static UndefinedReferences.Written undefinedReference(RefNode ref, String body, LineIndex lines) {
        int offset = ref.getStartOffset();
        UndefinedReferences.Form form = !ref.isReferenceTextCombined() ? UndefinedReferences.Form.FULL
                : ref.isDummyReference() ? UndefinedReferences.Form.COLLAPSED : UndefinedReferences.Form.SHORTCUT;
        String label = ref.getReference().toString();
        String text = form == UndefinedReferences.Form.FULL ? ref.getText().toString() : label;
        boolean afterCode = offset > 0 && UndefinedReferences.isCodeBefore(body.charAt(offset - 1));
        boolean beforeParen = ref.getEndOffset() < body.length() && body.charAt(ref.getEndOffset()) == '(';
        return new UndefinedReferences.Written(ref.getChars().toString(), text, label, form, afterCode, beforeParen,
                lines.line(offset), lines.column(offset));
    }

    /** Cuts the document at its headings of level 2 and below; H1 stays in the opening text. */
    private static List<Section> sections(Document doc, PageState state) {
        List<Section> out = new ArrayList<>();
        String id = "";
        String heading = "";
        int level = 1;
        StringBuilder text = new StringBuilder();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() >= 2) {
                if (!id.isEmpty() || text.length() > 0) out.add(new Section(id, heading, level, text.toString().strip()));
                id = state.headingIds.getOrDefault(h, "");
                heading = PlainText.of(h);
                level = h.getLevel();
                text.setLength(0);
            } else if (!(n instanceof Heading)) {
                String t = PlainText.of(n);
                if (!t.isEmpty()) text.append(t).append('\n');
            }
        }
        if (!id.isEmpty() || text.length() > 0) out.add(new Section(id, heading, level, text.toString().strip()));
        return out;
    }

    private static RawLink rawLink(String path, String target, String text, boolean image, Node n, LineIndex lines) {
        int offset = n.getStartOffset();
        return new RawLink(target, text, image, new SourceRef(path, lines.line(offset), lines.column(offset)));
    }

    private static final Pattern IMG_ALT = Pattern.compile(
            "\\s(alt)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

    private static void htmlLinks(String path, Node n, LineIndex lines, List<RawLink> links) {
        String chars = n.getChars().toString();
        if (chars.indexOf('=') < 0) return;
        Matcher m = HTML_TAG_ATTR.matcher(chars);
        while (m.find()) {
            String tag = m.group(1).toLowerCase(Locale.ROOT);
            if (!HTML_LINK_TAGS.contains(tag)) continue;
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            if (!SafeUrl.isSafe(value)) continue;
            int offset = n.getStartOffset() + m.start();
            boolean image = !tag.equals("a") && !tag.equals("link");
            boolean noAlt = false;
            String alt = "";
            if (tag.equals("img")) {
                int end = chars.indexOf('>', m.start());
                // the whole tag: the match starts at its '<'; alt may come before or after src
                String whole = chars.substring(m.start(), end < 0 ? chars.length() : end);
                Matcher a = IMG_ALT.matcher(whole);
                if (a.find()) alt = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                else noAlt = true;
            }
            links.add(new RawLink(value, alt, image, new SourceRef(path, lines.line(offset), lines.column(offset)), noAlt));
        }
    }

    /**
     * Every URL in raw HTML that would run script ({@code javascript:}, in any disguise), as a link
     * for the links stage to report; the renderer drops the attribute itself.
     */
    private static void unsafeHtmlUrls(String path, Node n, LineIndex lines, List<RawLink> links) {
        String chars = n.getChars().toString();
        if (chars.indexOf('=') < 0) return;
        Matcher m = HTML_ANY_URL_ATTR.matcher(chars);
        while (m.find()) {
            String value = attrValue(m);
            if (SafeUrl.isSafe(value)) continue;
            int offset = n.getStartOffset() + m.start(1);
            links.add(new RawLink(value, "", false, new SourceRef(path, lines.line(offset), lines.column(offset))));
        }
    }

    private static String attrValue(Matcher m) {
        return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
    }

    private static void srcsetLinks(String path, Node n, LineIndex lines, List<RawLink> links) {
        String chars = n.getChars().toString();
        if (!chars.toLowerCase(Locale.ROOT).contains("srcset")) return;
        Matcher m = SRCSET_ATTR.matcher(chars);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            int offset = n.getStartOffset() + m.start();
            for (String candidate : value.split(",")) {
                String c = candidate.strip();
                if (c.isEmpty()) continue;
                int space = c.indexOf(' ');
                links.add(new RawLink(space < 0 ? c : c.substring(0, space), "", true,
                        new SourceRef(path, lines.line(offset), lines.column(offset))));
            }
        }
    }

    private static void htmlAnchors(Node n, List<String> anchors) {
        CharSequence chars = n.getChars();
        Matcher m = HTML_ANCHOR_ATTR.matcher(chars);
        while (m.find()) anchors.add(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static String collectText(Node n) {
        return PlainText.of(n);
    }

    /** Removes a trailing {@code {#id}} from the heading's text and returns the id, or null. */
    private static String stripExplicitId(Heading h) {
        Node last = h.getLastChild();
        if (!(last instanceof Text t)) return null;
        Matcher m = EXPLICIT_ID.matcher(t.getChars());
        if (!m.find()) return null;
        t.setChars(t.getChars().subSequence(0, m.start()));
        return m.group(1);
    }

    /** Recognises GitHub's {@code > [!NOTE]} and removes the marker from the quote. */
    private static void markAlert(BlockQuote bq, PageState state) {
        if (!(bq.getFirstChild() instanceof Paragraph p)) return;
        Matcher m = ALERT.matcher(p.getChars());
        if (!m.find()) return;
        int markerEnd = p.getStartOffset() + m.end();
        Node child = p.getFirstChild();
        while (child != null && child.getStartOffset() < markerEnd) {
            Node next = child.getNext();
            if (child.getEndOffset() <= markerEnd || child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                child.unlink();
            } else {
                break;
            }
            child = next;
        }
        if (p.getFirstChild() instanceof SoftLineBreak || p.getFirstChild() instanceof HardLineBreak) {
            p.getFirstChild().unlink();
        }
        if (!p.hasChildren()) p.unlink();
        state.alerts.put(bq, m.group(1).toLowerCase(Locale.ROOT));
    }

    private String rewrite(PageState state, String written) {
        String url = Routes.unescapeScheme(written);
        Routes.Target t = routes.resolve(state.path, url);
        if (t.kind() == Routes.Kind.EXTERNAL || t.kind() == Routes.Kind.OUTSIDE || t.route().isEmpty() && t.kind() == Routes.Kind.MISSING) {
            return url;
        }
        if (t.kind() == Routes.Kind.SAME_PAGE) return url;
        return Routes.href(state.route, t);
    }

    private String rewriteHtml(PageState state, String html) {
        if (html.indexOf('=') < 0) return html;
        html = dropUnsafeUrls(html);
        html = rewriteSrcset(state, html);
        Matcher m = HTML_URL_ATTR.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            String quote = m.group(2) != null ? "\"" : "'";
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + quote + rewrite(state, value) + quote));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Removes every URL attribute that would run script; the links stage reports each one. */
    private static String dropUnsafeUrls(String html) {
        Matcher m = HTML_ANY_URL_ATTR.matcher(html);
        StringBuilder sb = null;
        while (m.find()) {
            if (SafeUrl.isSafe(attrValue(m))) continue;
            if (sb == null) sb = new StringBuilder();
            m.appendReplacement(sb, "");
        }
        if (sb == null) return html;
        m.appendTail(sb);
        return sb.toString();
    }

    /** Rewrites every URL of {@code srcset="a.png 1x, b.png 2x"}. */
    private String rewriteSrcset(PageState state, String html) {
        if (!html.toLowerCase(Locale.ROOT).contains("srcset")) return html;
        Matcher m = SRCSET_ATTR.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            String quote = m.group(2) != null ? "\"" : "'";
            List<String> parts = new ArrayList<>();
            for (String candidate : value.split(",")) {
                String c = candidate.strip();
                int space = c.indexOf(' ');
                String url = space < 0 ? c : c.substring(0, space);
                parts.add(rewrite(state, url) + (space < 0 ? "" : c.substring(space)));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + quote + String.join(", ", parts) + quote));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The flexmark extension that sets ids, rewrites links and renders alerts, admonitions and diagrams. */
    private final class DocpulseExtension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
                @Override
                public AttributeProvider apply(LinkResolverContext context) {
                    PageState state = context.getDocument().get(STATE);
                    return (node, part, attributes) -> setAttributes(state, node, part, attributes);
                }
            });
            builder.nodeRendererFactory(options -> new BlockRenderer());
        }
    }

    private void setAttributes(PageState state, Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof Heading) {
            String id = state.headingIds.get(node);
            if (id != null) attributes.replaceValue("id", id);
        } else if (part == AttributablePart.LINK) {
            for (String name : new String[]{"href", "src"}) {
                String v = attributes.getValue(name);
                if (v.isEmpty()) continue;
                String out = rewrite(state, v);
                // the links stage reports it (unsafe-url); the page keeps the link's text only
                if (SafeUrl.isSafe(v) && SafeUrl.isSafe(out)) attributes.replaceValue(name, out);
                else attributes.remove(name);
            }
        }
    }

    private final class BlockRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(BlockQuote.class, this::blockQuote),
                    new NodeRenderingHandler<>(AdmonitionBlock.class, this::admonition),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::fencedCode),
                    new NodeRenderingHandler<>(HtmlBlock.class, this::htmlBlock),
                    new NodeRenderingHandler<>(HtmlInline.class, this::htmlInline),
                    new NodeRenderingHandler<>(ContentTabs.TabSet.class, this::tabSet),
                    new NodeRenderingHandler<>(MathSyntax.InlineMath.class, this::inlineMath),
                    new NodeRenderingHandler<>(MathSyntax.DisplayMath.class, this::displayMath));
        }

        /**
         * A tab set, working without JavaScript: every panel shows, under its label as a heading,
         * and the tab list stays hidden. tabs.js shows the list and only the selected panel.
         */
        private void tabSet(ContentTabs.TabSet set, NodeRendererContext ctx, HtmlWriter html) {
            int selected = set.selected();
            List<ContentTabs.Tab> tabs = new ArrayList<>();
            for (Node n = set.getFirstChild(); n != null; n = n.getNext()) tabs.add((ContentTabs.Tab) n);
            String prefix = "docpulse-tab-" + set.number + "-";
            html.line();
            html.attr("class", "tabbed-set").withAttr().tag("div").line();
            html.attr("class", "tabbed-tabs").attr("role", "tablist").attr("hidden", "").withAttr().tag("div").line();
            for (int i = 0; i < tabs.size(); i++) {
                html.attr("type", "button").attr("role", "tab").attr("id", prefix + (i + 1))
                        .attr("aria-controls", prefix + (i + 1) + "-panel")
                        .attr("aria-selected", i == selected ? "true" : "false")
                        .attr("tabindex", i == selected ? "0" : "-1").withAttr().tag("button");
                html.text(label(tabs.get(i), i)).closeTag("button").line();
            }
            html.closeTag("div").line();
            String h = "h" + set.labelLevel;
            for (int i = 0; i < tabs.size(); i++) {
                html.attr("class", "tabbed-panel").attr("role", "tabpanel").attr("id", prefix + (i + 1) + "-panel")
                        .attr("aria-labelledby", prefix + (i + 1)).withAttr().tag("div").line();
                html.attr("class", "tabbed-label").withAttr().tag(h).text(label(tabs.get(i), i)).closeTag(h).line();
                ctx.renderChildren(tabs.get(i));
                html.closeTag("div").line();
            }
            html.closeTag("div").line();
        }

        private static String label(ContentTabs.Tab tab, int index) {
            return tab.label.isEmpty() ? "Tab " + (index + 1) : tab.label;
        }

        private void inlineMath(MathSyntax.InlineMath node, NodeRendererContext ctx, HtmlWriter html) {
            html.attr("class", node.display ? "math math-display" : "math math-inline").withAttr().tag("span");
            html.text(node.tex).closeTag("span");
        }

        private void displayMath(MathSyntax.DisplayMath node, NodeRendererContext ctx, HtmlWriter html) {
            html.line();
            if (node.closed) {
                html.attr("class", "math math-display").withAttr().tag("div").text(node.tex()).closeTag("div").line();
            } else {
                html.tag("p").text(String.join("\n", node.lines).strip()).closeTag("p").line();
            }
        }

        private void blockQuote(BlockQuote node, NodeRendererContext ctx, HtmlWriter html) {
            PageState state = ctx.getDocument().get(STATE);
            String type = state.alerts.get(node);
            if (type == null) {
                ctx.delegateRender();
                return;
            }
            openAdmonition(html, "div", type, capitalize(type));
            ctx.renderChildren(node);
            html.closeTag("div").line();
        }

        private void admonition(AdmonitionBlock node, NodeRendererContext ctx, HtmlWriter html) {
            String type = node.getInfo().toString().toLowerCase(Locale.ROOT);
            String marker = node.getOpeningMarker().toString();
            boolean collapsible = marker.startsWith("???");
            String title = node.getTitle().isNull() ? capitalize(type) : node.getTitle().toString();
            String tag = collapsible ? "details" : "div";
            html.line();
            html.attr("class", "admonition " + type);
            if (collapsible && marker.endsWith("+")) html.attr("open", "");
            html.withAttr().tag(tag).line();
            if (!title.isEmpty() || collapsible) {
                html.attr("class", "admonition-title").withAttr().tag(collapsible ? "summary" : "p");
                html.text(title.isEmpty() ? capitalize(type) : title);
                html.closeTag(collapsible ? "summary" : "p").line();
            }
            ctx.renderChildren(node);
            html.closeTag(tag).line();
        }

        private void openAdmonition(HtmlWriter html, String tag, String type, String title) {
            html.line();
            html.attr("class", "admonition " + type).withAttr().tag(tag).line();
            html.attr("class", "admonition-title").withAttr().tag("p").text(title).closeTag("p").line();
        }

        private void fencedCode(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
            if (!isMermaid(node)) {
                ctx.delegateRender();
                return;
            }
            html.line();
            html.attr("class", "mermaid").withAttr().tag("pre", false);
            html.text(node.getContentChars().normalizeEOL());
            html.closeTag("pre").line();
        }

        private void htmlBlock(HtmlBlock node, NodeRendererContext ctx, HtmlWriter html) {
            PageState state = ctx.getDocument().get(STATE);
            html.line();
            html.raw(rewriteHtml(state, node.getChars().normalizeEOL()));
            html.line();
        }

        private void htmlInline(HtmlInline node, NodeRendererContext ctx, HtmlWriter html) {
            PageState state = ctx.getDocument().get(STATE);
            html.raw(rewriteHtml(state, node.getChars().toString()));
        }
    }

    private static boolean isMermaid(FencedCodeBlock code) {
        return language(code).equals("mermaid");
    }

    /** The first word of a fence's info string, lower-cased ({@code ```bash title="x"} gives bash). */
    private static String language(FencedCodeBlock code) {
        String info = code.getInfo().toString().strip();
        int cut = 0;
        while (cut < info.length() && !Character.isWhitespace(info.charAt(cut)) && info.charAt(cut) != '{') cut++;
        return info.substring(0, cut).toLowerCase(Locale.ROOT);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Maps offsets in the Markdown to 1-based lines and columns. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') s.add(i + 1);
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int line(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }
    }
}
