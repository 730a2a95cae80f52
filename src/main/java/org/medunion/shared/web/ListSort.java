package org.medunion.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;

/**
 * The column a console list is sorted by, from its {@code sort} parameter: {@code name} ascending, {@code -name}
 * descending, nothing for the list's own order. Only the list's sortable columns are accepted; anything else is a 400
 * naming the parameter and the allowed values.
 */
public record ListSort(@Nullable String key, boolean descending) {

    /** The list's own order. */
    public static final ListSort NONE = new ListSort(null, false);

    public static ListSort parse(@Nullable String sort, List<String> allowed) {
        if (sort == null || sort.isBlank()) {
            return NONE;
        }
        String s = sort.strip();
        boolean desc = s.startsWith("-");
        String key = desc ? s.substring(1) : s;
        if (!allowed.contains(key)) {
            throw new InvalidInputException("sort", "request.unknownValue", sort, String.join(", ", allowed));
        }
        return new ListSort(key, desc);
    }

    public boolean by(String column) {
        return column.equals(key);
    }
}
