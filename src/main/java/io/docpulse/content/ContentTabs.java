package io.docpulse.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Content tabs as pymdownx.tabbed writes them (the syntax of Material for MkDocs):
 * <pre>
 * === "Linux"
 *
 *     content indented by 4 spaces
 *
 * === "macOS"
 *
 *     ...
 * </pre>
 * Consecutive tabs form one set; {@code ===!} starts a new set, {@code ===+} selects its tab.
 * The parser reads each {@code ===} block; {@link #group} then puts consecutive ones into sets.
 */
final class ContentTabs {
    /** {@code ===}, its flags, and what follows on the line (the label, in double quotes). */
    private static final Pattern MARKER = Pattern.compile("^===([!+]{0,2})(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern QUOTED = Pattern.compile("^\"(.*)\"$");

    private ContentTabs() {
    }

    /** One {@code ===} block: a tab's label and its content (its children). */
    static final class Tab extends Block {
        /** The label as written between the quotes, or empty when the marker has none. */
        final String label;
        /** Why the marker is not as pymdownx.tabbed wants it, or empty. */
        final String problem;
        final boolean newSet;
        final boolean selected;
        /** The marker line, for findings. */
        final BasedSequence marker;

        Tab(BasedSequence marker, String label, String problem, boolean newSet, boolean selected) {
            this.marker = marker;
            this.label = label;
            this.problem = problem;
            this.newSet = newSet;
            this.selected = selected;
            setChars(marker);
        }

        @Override
        public BasedSequence[] getSegments() {
            return new BasedSequence[]{marker};
        }
    }

    /** Consecutive tabs, shown as one tab list. */
    static final class TabSet extends Block {
        /** 1-based number of the set in its page, for the ids of its tabs. */
        final int number;
        /** The level of the headings that stand for the tabs' labels when JavaScript is off. */
        final int labelLevel;

        TabSet(int number, int labelLevel) {
            this.number = number;
            this.labelLevel = labelLevel;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }

        /** The index of the selected tab: the first marked {@code ===+}, else the first. */
        int selected() {
            int i = 0;
            for (Node n = getFirstChild(); n != null; n = n.getNext(), i++) {
                if (n instanceof Tab t && t.selected) return i;
            }
            return 0;
        }
    }

    /** The parser extension that reads {@code ===} blocks. */
    static Parser.ParserExtension extension() {
        return new Parser.ParserExtension() {
            @Override
            public void parserOptions(MutableDataHolder options) {
            }

            @Override
            public void extend(Parser.Builder builder) {
                builder.customBlockParserFactory(new Factory());
            }
        };
    }

    /**
     * Puts consecutive tabs into sets, numbered in the order of the page. A set's labels stand in
     * as headings one level below the heading before the set (level 2 at the top of a page).
     */
    static void group(Document doc) {
        List<Node> all = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Tab || n instanceof Heading) all.add(n);
        }
        int sets = 0;
        int lastHeading = 1;
        for (Node n : all) {
            if (n instanceof Heading h) {
                lastHeading = h.getLevel();
                continue;
            }
            Tab tab = (Tab) n;
            if (tab.getPrevious() instanceof TabSet set && !tab.newSet) {
                set.appendChild(tab);
            } else {
                TabSet set = new TabSet(++sets, Math.min(6, lastHeading + 1));
                tab.insertBefore(set);
                set.appendChild(tab);
            }
        }
    }

    /** What is wrong with the tabs of a page, each with the 0-based offset of its marker. */
    static List<Problem> problems(Document doc) {
        List<Problem> out = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (!(n instanceof Tab t)) continue;
            if (!t.problem.isEmpty()) {
                out.add(new Problem(t.marker.getStartOffset(), t.problem,
                        "write the label in double quotes after ===, as in === \"Linux\""));
            } else if (!t.hasChildren()) {
                out.add(new Problem(t.marker.getStartOffset(), "the tab \"" + t.label + "\" is empty",
                        "indent the tab's content by 4 spaces under its === line"));
            }
        }
        return out;
    }

    /** A malformed tab: where its marker starts (0-based offset in the body), what is wrong, what to do. */
    record Problem(int offset, String message, String hint) {
    }

    private static final class TabParser extends AbstractBlockParser {
        private final Tab block;

        TabParser(Tab block) {
            this.block = block;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) return BlockContinue.atIndex(state.getNextNonSpaceIndex());
            if (state.getIndent() >= 4) return BlockContinue.atColumn(state.getColumn() + 4);
            return BlockContinue.none();
        }

        @Override
        public void closeBlock(ParserState state) {
        }
    }

    private static final class Factory implements CustomBlockParserFactory, NoDependencies {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    // under a paragraph, === underlines a heading (setext): never a tab there
                    if (state.getIndent() >= 4 || matched.getBlockParser().isParagraphParser()) return BlockStart.none();
                    BasedSequence line = state.getLine();
                    int start = state.getNextNonSpaceIndex();
                    if (line.length() - start < 3 || line.charAt(start) != '=') return BlockStart.none();
                    BasedSequence rest = line.subSequence(start).trimEOL();
                    Matcher m = MARKER.matcher(rest);
                    if (!m.matches()) return BlockStart.none();
                    String flags = m.group(1);
                    String written = m.group(2) == null ? "" : m.group(2);
                    Matcher q = QUOTED.matcher(written);
                    String label;
                    String problem = "";
                    if (q.matches() && !q.group(1).isBlank()) {
                        label = q.group(1).strip();
                    } else if (q.matches() || written.isEmpty()) {
                        label = "";
                        problem = "=== starts a content tab but has no label";
                    } else {
                        label = written.replace("\"", "").strip();
                        problem = "the label of this content tab is not in double quotes";
                    }
                    Tab tab = new Tab(rest, label, problem, flags.contains("!"), flags.contains("+"));
                    return BlockStart.of(new TabParser(tab)).atIndex(line.length());
                }
            };
        }
    }
}
