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

    /** The end of a node whose children were walked: what comes after them. */
    private record Exit(Node node) {
    }

    /** Walks the tree with a stack of its own: the thread's would overflow on a page nested thousands deep. */
    private static void append(Node root, StringBuilder sb) {
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof Exit exit) {
                Node node = exit.node();
                // table cells and rows are not blocks: keep their words apart
                if (node instanceof TableCell) sb.append(' ');
                if (node instanceof TableRow) sb.append('\n');
                if (node instanceof Block && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
                continue;
            }
            Node node = (Node) next;
            if (node instanceof Text || node instanceof TextBase) {
                if (node instanceof TextBase && node.hasChildren()) {
                    pushChildren(node, todo);
                } else {
                    sb.append(node.getChars());
                }
                continue;
            }
            // math reads as its TeX: in a heading's id and "On this page", and in search
            if (node instanceof MathSyntax.InlineMath math) {
                sb.append(math.tex);
                continue;
            }
            if (node instanceof MathSyntax.DisplayMath math) {
                sb.append('\n').append(math.closed ? math.tex() : String.join("\n", math.lines)).append('\n');
                continue;
            }
            if (node instanceof Code code) {
                sb.append(code.getText());
                continue;
            }
            if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                sb.append(' ');
                continue;
            }
            if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof CodeBlock) {
                sb.append('\n').append(node instanceof FencedCodeBlock f ? f.getContentChars() : node.getChars()).append('\n');
                continue;
            }
            if (node instanceof HtmlBlock || node instanceof HtmlCommentBlock || node instanceof HtmlInline
                    || node instanceof Reference || node instanceof TableSeparator) {
                continue;
            }
            todo.push(new Exit(node));
            pushChildren(node, todo);
        }
    }

    /** Pushes the children last first, so that they come off the stack in order. */
    private static void pushChildren(Node node, java.util.ArrayDeque<Object> todo) {
        for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) todo.push(c);
    }
}
