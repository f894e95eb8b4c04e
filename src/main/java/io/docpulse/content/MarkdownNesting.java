package io.docpulse.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds block nesting deeper than {@link #MAX_DEPTH} and flattens it before flexmark reads the page.
 * flexmark parses and renders nested blocks by recursion, so 500 nested {@code >} or {@code - }, or
 * 10,000 {@code 1. } on one line, overflowed the stack; browsers stop nesting elements a few hundred
 * deep too.
 *
 * <p>Lines are read as CommonMark's block parser reads them, closely enough to count the containers
 * a line is in: block quotes ({@code >}) and list items (a marker, then lines indented to the item's
 * content). A line nested deeper keeps the prefixes of its first {@code MAX_DEPTH} containers and
 * loses the rest, so its text joins the deepest block kept. Line breaks are kept, so every line
 * number stays right.
 */
final class MarkdownNesting {
    /** The deepest nesting of block quotes and list items a page keeps. */
    static final int MAX_DEPTH = 32;

    private MarkdownNesting() {
    }

    /**
     * A page's Markdown, flattened where needed.
     *
     * @param text  the Markdown, with lines nested deeper than {@link #MAX_DEPTH} flattened (the same
     *              text when none is)
     * @param line  the first line nested deeper, 1-based, or 0 when none is
     * @param depth how deep the deepest line is nested
     */
    record Result(String text, int line, int depth) {
    }

    /** A block quote, or a list item whose content starts at {@code contentColumn} (0-based). */
    private record Container(boolean quote, int contentColumn) {
    }

    /** A position in a line: the character index and the column, tabs counted to the next multiple of 4. */
    private static final class Cursor {
        final String line;
        int pos;
        int col;

        Cursor(String line) {
            this.line = line;
        }

        /** Column of the first character that is not a space or tab from here; {@link #nextPos} is its index. */
        int nextCol;
        int nextPos;

        void peekIndent() {
            int p = pos;
            int c = col;
            while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) {
                c = line.charAt(p) == '\t' ? (c / 4 + 1) * 4 : c + 1;
                p++;
            }
            nextPos = p;
            nextCol = c;
        }

        boolean blankFromHere() {
            peekIndent();
            return nextPos >= line.length();
        }

        /** Moves past the spaces and tabs up to {@code column}. */
        void advanceTo(int column) {
            while (col < column && pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                col = line.charAt(pos) == '\t' ? (col / 4 + 1) * 4 : col + 1;
                pos++;
            }
        }

        /** Moves past a {@code >} at {@link #nextPos} and the one space after it. */
        void takeQuoteMarker() {
            pos = nextPos + 1;
            col = nextCol + 1;
            if (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
                col++;
            }
        }
    }

    static Result flatten(String markdown) {
        List<Container> open = new ArrayList<>();
        StringBuilder out = null;
        int firstDeep = 0;
        int deepest = 0;
        boolean previousBlank = true;
        char fence = 0;
        int fenceLength = 0;
        int lineNo = 0;
        int start = 0;
        int[] ends = new int[MAX_DEPTH + 1];
        while (start < markdown.length()) {
            lineNo++;
            int nl = markdown.indexOf('\n', start);
            int end = nl < 0 ? markdown.length() : nl + 1;
            int lineEnd = nl < 0 ? end : nl > start && markdown.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            String line = markdown.substring(start, lineEnd);
            Cursor c = new Cursor(line);
            // the containers this line continues
            int matched = 0;
            for (Container k : open) {
                boolean blank = c.blankFromHere();
                if (k.quote()) {
                    if (blank || c.nextCol - c.col > 3 || line.charAt(c.nextPos) != '>') break;
                    c.takeQuoteMarker();
                } else if (!blank) {
                    if (c.nextCol < k.contentColumn()) break;
                    c.advanceTo(k.contentColumn());
                }
                if (matched < ends.length) ends[matched] = c.pos;
                matched++;
            }
            boolean blank = c.blankFromHere();
            int depth = matched;
            if (fence != 0) {
                if (matched < open.size() || isFence(line, c, fence, fenceLength, true)) {
                    fence = 0;
                }
                if (matched < open.size()) open.subList(matched, open.size()).clear();
            } else {
                // the containers this line opens
                List<Container> opened = new ArrayList<>();
                while (true) {
                    c.peekIndent();
                    if (c.nextPos >= line.length() || c.nextCol - c.col > 3) break;
                    char ch = line.charAt(c.nextPos);
                    if (ch == '>') {
                        c.takeQuoteMarker();
                        opened.add(new Container(true, 0));
                    } else {
                        int markerEnd = listMarkerEnd(line, c.nextPos);
                        if (markerEnd < 0) break;
                        int markerEndCol = c.nextCol + (markerEnd - c.nextPos);
                        c.pos = markerEnd;
                        c.col = markerEndCol;
                        c.peekIndent();
                        int content;
                        if (c.nextPos >= line.length() || c.nextCol - markerEndCol > 4) {
                            content = markerEndCol + 1;
                            c.advanceTo(content);
                        } else {
                            content = c.nextCol;
                            c.pos = c.nextPos;
                            c.col = c.nextCol;
                        }
                        opened.add(new Container(false, content));
                    }
                    if (matched + opened.size() - 1 < ends.length) ends[matched + opened.size() - 1] = c.pos;
                }
                if (!opened.isEmpty() || blank || previousBlank || matched == open.size()) {
                    // not a lazy continuation line: the containers it does not continue end here
                    open.subList(matched, open.size()).clear();
                    open.addAll(opened);
                    depth = open.size();
                    fenceLength = isFence(line, c, '`', 3, false) ? fenceRun(line, c) : isFence(line, c, '~', 3, false) ? fenceRun(line, c) : 0;
                    if (fenceLength > 0) fence = line.charAt(c.nextPos);
                } else {
                    depth = matched;
                }
            }
            if (depth > MAX_DEPTH) {
                if (firstDeep == 0) {
                    firstDeep = lineNo;
                    out = new StringBuilder(markdown.length()).append(markdown, 0, start);
                }
                // keep the prefixes of the first MAX_DEPTH containers; the rest of the prefix goes
                out.append(line, 0, ends[MAX_DEPTH - 1]).append(line.substring(c.pos).stripLeading())
                        .append(markdown, lineEnd, end);
            } else if (out != null) {
                out.append(markdown, start, end);
            }
            deepest = Math.max(deepest, depth);
            previousBlank = blank;
            start = end;
        }
        return new Result(out == null ? markdown : out.toString(), firstDeep, deepest);
    }

    /**
     * The index after a list marker ({@code -}, {@code +}, {@code *}, or up to 9 digits and {@code .}
     * or {@code )}) at {@code at}, when a space, a tab or the end of the line follows it and the line
     * is not a thematic break ({@code - - -}); else -1.
     */
    private static int listMarkerEnd(String line, int at) {
        char ch = line.charAt(at);
        int end;
        if (ch == '-' || ch == '+' || ch == '*') {
            if (ch != '+' && isThematicBreak(line, at, ch)) return -1;
            end = at + 1;
        } else if (ch >= '0' && ch <= '9') {
            int d = at;
            while (d < line.length() && d - at < 9 && line.charAt(d) >= '0' && line.charAt(d) <= '9') d++;
            if (d >= line.length() || (line.charAt(d) != '.' && line.charAt(d) != ')')) return -1;
            end = d + 1;
        } else {
            return -1;
        }
        return end == line.length() || line.charAt(end) == ' ' || line.charAt(end) == '\t' ? end : -1;
    }

    /** Whether the line from {@code at} holds three or more {@code ch} and nothing but spaces and tabs. */
    private static boolean isThematicBreak(String line, int at, char ch) {
        int count = 0;
        for (int i = at; i < line.length(); i++) {
            char x = line.charAt(i);
            if (x == ch) count++;
            else if (x != ' ' && x != '\t') return false;
        }
        return count >= 3;
    }

    /** Whether the line, from the cursor's next character, is a code fence of {@code ch} at least {@code length} long. */
    private static boolean isFence(String line, Cursor c, char ch, int length, boolean closing) {
        c.peekIndent();
        if (c.nextPos >= line.length() || c.nextCol - c.col > 3 || line.charAt(c.nextPos) != ch) return false;
        int run = fenceRun(line, c);
        if (run < Math.max(3, length)) return false;
        return !closing || line.substring(c.nextPos + run).isBlank();
    }

    private static int fenceRun(String line, Cursor c) {
        char ch = line.charAt(c.nextPos);
        int i = c.nextPos;
        while (i < line.length() && line.charAt(i) == ch) i++;
        return i - c.nextPos;
    }
}
