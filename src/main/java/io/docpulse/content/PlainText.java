package io.docpulse.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The text of a Markdown tree without its markup: what a reader reads. Faster than flexmark's
 * {@code TextCollectingVisitor}, which builds based sequences segment by segment.
 */
final class PlainText {
    private PlainText() {
    }

    static String of(Node node) {
        StringBuilder sb = new StringBuilder(node.getTextLength());
        append(node, sb);
        return sb.toString().strip();
    }

    private static void append(Node node, StringBuilder sb) {
        if (node instanceof Text || node instanceof TextBase) {
            if (node instanceof TextBase && node.hasChildren()) {
                children(node, sb);
            } else {
                sb.append(node.getChars());
            }
            return;
        }
        if (node instanceof Code code) {
            sb.append(code.getText());
            return;
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            sb.append(' ');
            return;
        }
        if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof CodeBlock) {
            sb.append('\n').append(node instanceof FencedCodeBlock f ? f.getContentChars() : node.getChars()).append('\n');
            return;
        }
        if (node instanceof HtmlBlock || node instanceof HtmlCommentBlock || node instanceof HtmlInline
                || node instanceof Reference) {
            return;
        }
        if (node instanceof TableSeparator) return;
        children(node, sb);
        // table cells and rows are not blocks: keep their words apart
        if (node instanceof TableCell) sb.append(' ');
        if (node instanceof TableRow) sb.append('\n');
        if (node instanceof Block && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    }

    private static void children(Node node, StringBuilder sb) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) append(c, sb);
    }
}
