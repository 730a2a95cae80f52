package org.medunion.shared;

import java.util.List;

/**
 * One page of a query cut in SQL, with the number of all rows that match — what a caller needs to offer a
 * next page and a total (FHIR {@code Bundle.total}) without reading every match.
 */
public record Slice<T>(List<T> items, long total) {

    public Slice {
        items = List.copyOf(items);
    }
}
