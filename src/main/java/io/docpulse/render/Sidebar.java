package io.docpulse.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * The sidebar of one page: the top-level sections, and the entries of each section on the way down
 * to the current page. Other sections stay closed, so a page of a 10,000-page site stays small; a
 * section with more than {@code maxSiblings} entries shows a window around the current one and a
 * link to the section's page for the rest.
 */
final class Sidebar {
    /**
     * One line of the sidebar.
     *
     * @param title    its text
     * @param href     relative link to it
     * @param current  it is the page being shown
     * @param active   it is a section that contains the page being shown
     * @param section  it is a folder
     * @param children the entries shown under it (empty when closed)
     * @param hiddenBefore entries left out before the first child shown
     * @param hiddenAfter  entries left out after the last child shown
     */
    record Item(String title, String href, boolean current, boolean active, boolean section, List<Item> children,
                int hiddenBefore, int hiddenAfter) {
        Item {
            children = List.copyOf(children);
        }

        public int hidden() {
            return hiddenBefore + hiddenAfter;
        }
    }

    private Sidebar() {
    }

    static List<Item> forPage(NavTree nav, String route, int maxSiblings) {
        Set<String> open = new HashSet<>();
        nav.ancestors(route).forEach(n -> open.add(n.route()));
        open.add(route);
        return items(nav.root(), route, open, maxSiblings).children();
    }

    private static Item items(NavTree.Node node, String current, Set<String> open, int max) {
        List<NavTree.Node> kids = node.children();
        List<Item> children = new ArrayList<>();
        int before = 0;
        int after = 0;
        if (node.section() && (open.contains(node.route()) || node.route().isEmpty())) {
            int from = 0;
            int to = kids.size();
            if (kids.size() > max) {
                int at = 0;
                for (int i = 0; i < kids.size(); i++) {
                    if (open.contains(kids.get(i).route())) at = i;
                }
                from = Math.max(0, Math.min(at - max / 2, kids.size() - max));
                to = from + max;
            }
            before = from;
            after = kids.size() - to;
            for (NavTree.Node k : kids.subList(from, to)) children.add(items(k, current, open, max));
        }
        boolean external = !node.link().isEmpty();
        boolean isCurrent = !external && node.route().equals(current);
        // only a section is opened on the way to a page (the home page listed in nav: is not)
        boolean active = !isCurrent && node.section() && open.contains(node.route());
        return new Item(node.title(), node.href(current), isCurrent, active, node.section(), children,
                before, after);
    }
}
