package io.docpulse.links;

import java.util.List;

/**
 * A page's place in the link graph.
 *
 * @param path       the page's content path
 * @param outbound   pages this page links to (content links only, each once, itself excluded), in path order
 * @param inbound    pages that link to this page, in path order
 * @param clickDepth clicks from the home page through content links and the navigation; -1 when unreachable
 * @param orphan     no other page links to it (it is reachable only through navigation or search)
 */
public record PageLinks(String path, List<String> outbound, List<String> inbound, int clickDepth, boolean orphan) {
    public PageLinks {
        outbound = List.copyOf(outbound);
        inbound = List.copyOf(inbound);
    }
}
