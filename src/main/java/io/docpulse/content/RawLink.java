package io.docpulse.content;

/**
 * A link or image as written in the Markdown, before anything is checked.
 *
 * @param target the destination as written (not decoded)
 * @param text   the link text, or the image's alt text
 * @param image  whether it is an image
 * @param where  file, 1-based line and column of the link's first character
 */
public record RawLink(String target, String text, boolean image, SourceRef where) {
}
