package org.medunion.shared.web;

import java.util.List;

/**
 * One page of a console list (search form + table + pagination): the page's items, its number (from 0), the
 * number of pages and of all matches. Lists the server holds in memory anyway are cut here; the query string
 * of the page links carries the filters.
 */
public record ListPage<T>(List<T> items, int page, int pages, long total) {

    /** Rows a console list shows per page. */
    public static final int SIZE = 20;

    /** The {@code page}-th page (clamped into range) of {@code all}, {@link #SIZE} rows each. */
    public static <T> ListPage<T> of(List<T> all, int page) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int p = Math.max(0, Math.min(page, pages - 1));
        return new ListPage<>(all.subList(p * SIZE, Math.min(all.size(), (p + 1) * SIZE)), p, pages, all.size());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
