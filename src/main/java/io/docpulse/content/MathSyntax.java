package io.docpulse.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * TeX math as pymdownx.arithmatex reads it: {@code $…$} inline and {@code $$…$$} on display.
 * An inline {@code $} opens math only when a non-space follows it, and closes it only when no
 * space comes before it and no digit after it, so prices ({@code $5 and $10}) and shell variables
 * ({@code $HOME}) stay text; code spans and code blocks are never read for math. A paragraph that
 * starts with {@code $$} is display math up to the line that ends with {@code $$}.
 */
final class MathSyntax {
    private MathSyntax() {
    }

    /** Math inside a paragraph: {@code $…$}, or {@code $$…$$} shown on a line of its own. */
    static final class InlineMath extends Node {
        final String tex;
        final boolean display;

        InlineMath(BasedSequence chars, String tex, boolean display) {
            super(chars);
            this.tex = tex;
            this.display = display;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** A {@code $$} block; {@link #closed} is false when no line ends it before a blank line. */
    static final class DisplayMath extends Block {
        final List<String> lines = new ArrayList<>();
        boolean closed;

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }

        String tex() {
            String all = String.join("\n", lines).strip();
            if (all.startsWith("$$")) all = all.substring(2);
            if (closed && all.endsWith("$$")) all = all.substring(0, all.length() - 2);
            return all.strip();
        }
    }

    static Parser.ParserExtension extension() {
        return new Parser.ParserExtension() {
            @Override
            public void parserOptions(MutableDataHolder options) {
            }

            @Override
            public void extend(Parser.Builder builder) {
                builder.customBlockParserFactory(new BlockFactory());
                builder.customInlineParserExtensionFactory(new InlineFactory());
            }
        };
    }

    /**
     * Where the inline math that starts at {@code open} ends (the index after its closing
     * delimiter), or -1 when it is not math.
     */
    static int inlineEnd(CharSequence s, int open) {
        int n = s.length();
        if (open > 0 && s.charAt(open - 1) == '$') return -1;
        if (open + 1 < n && s.charAt(open + 1) == '$') {
            // $$…$$: anything up to the next $$, which must hold something
            for (int i = open + 2; i + 1 < n; i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.charAt(i) == '$') {
                    if (s.charAt(i + 1) != '$' || s.subSequence(open + 2, i).toString().isBlank()) return -1;
                    return i + 2;
                }
            }
            return -1;
        }
        if (open + 1 >= n || Character.isWhitespace(s.charAt(open + 1))) return -1;
        for (int i = open + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (Character.isWhitespace(s.charAt(i - 1))) return -1;
                if (i + 1 < n && Character.isDigit(s.charAt(i + 1))) return -1;
                return i + 1;
            }
        }
        return -1;
    }

    private static final class InlineFactory implements InlineParserExtensionFactory, NoDependencies {
        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new InlineParserExtension() {
                @Override
                public void finalizeDocument(com.vladsch.flexmark.parser.InlineParser inlineParser) {
                }

                @Override
                public void finalizeBlock(com.vladsch.flexmark.parser.InlineParser inlineParser) {
                }

                @Override
                public boolean parse(LightInlineParser p) {
                    BasedSequence input = p.getInput();
                    int at = p.getIndex();
                    int end = inlineEnd(input, at);
                    if (end < 0) return false;
                    boolean display = input.charAt(at + 1) == '$';
                    int d = display ? 2 : 1;
                    String tex = input.subSequence(at + d, end - d).toString().strip();
                    p.flushTextNode();
                    p.getBlock().appendChild(new InlineMath(input.subSequence(at, end), tex, display));
                    p.setIndex(end);
                    return true;
                }
            };
        }
    }

    private static final class DisplayParser extends AbstractBlockParser {
        private final DisplayMath block = new DisplayMath();

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (block.closed || state.isBlank()) return BlockContinue.none();
            return BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void addLine(ParserState state, BasedSequence line) {
            String l = line.trimEOL().toString();
            if (block.lines.isEmpty()) block.setChars(line);
            block.lines.add(l);
            String s = l.strip();
            // the opening line ends the block too when it has its own closing $$ ($$ x $$)
            if (s.endsWith("$$") && (block.lines.size() > 1 || s.length() >= 4)) block.closed = true;
        }

        @Override
        public void closeBlock(ParserState state) {
        }
    }

    private static final class BlockFactory implements CustomBlockParserFactory, NoDependencies {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4 || matched.getBlockParser().isParagraphParser()) return BlockStart.none();
                    BasedSequence line = state.getLine();
                    int start = state.getNextNonSpaceIndex();
                    if (line.length() - start < 2 || line.charAt(start) != '$' || line.charAt(start + 1) != '$') {
                        return BlockStart.none();
                    }
                    return BlockStart.of(new DisplayParser()).atIndex(start);
                }
            };
        }
    }
}
