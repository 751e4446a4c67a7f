package dev.onshore.was.cms;

import java.util.List;

/**
 * A page layout and its corners (slots), in the order the page shows them. Templates are code: the storefront's
 * Thymeleaf views know how to lay each one out; operators fill the corners.
 */
public enum PageTemplate {
    /** A market's home page: a hero banner, highlights (hot deal, texts, HTML) and product lists. */
    HOME(List.of("hero", "highlights", "products"));

    private final List<String> corners;

    PageTemplate(List<String> corners) {
        this.corners = corners;
    }

    public List<String> corners() {
        return corners;
    }

    public boolean hasCorner(String corner) {
        return corners.contains(corner);
    }
}
