package io.docpulse.content;

/**
 * A link or image as written in the Markdown, before anything is checked.
 *
 * @param target the destination as written (not decoded)
 * @param text   the link text, or the image's alt text
 * @param image  whether it is an image
 * @param where  file, 1-based line and column of the link's first character
 * @param noAlt  an image without alt text: a Markdown image with empty brackets, or an HTML
 *               {@code <img>} without an {@code alt} attribute ({@code alt=""} marks a decorative
 *               image on purpose and is not reported)
 */
public record RawLink(String target, String text, boolean image, SourceRef where, boolean noAlt) implements java.io.Serializable {
    public RawLink(String target, String text, boolean image, SourceRef where) {
        this(target, text, image, where, false);
    }
}
