package org.medunion.indicators;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one batch or file. A batch is all-or-nothing: when {@code rejected} is not empty nothing was
 * written and {@code code} names why ({@code INDICATORS-0001} rows rejected, {@code INDICATORS-0003} a structural
 * error of the file).
 *
 * @param rows      data rows read
 * @param created   new facts written
 * @param corrected facts that existed with other values and were replaced (revision + 1)
 * @param unchanged facts resent with the same values
 * @param days      (institution, day) rollups recomputed
 */
public record IngestReport(@Nullable String code, int rows, int created, int corrected, int unchanged, int days,
                           List<RowError> rejected) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    public boolean accepted() {
        return rejected.isEmpty();
    }

    /**
     * One reason a row was refused.
     *
     * @param row   1-based data row (the CSV header is row 0); 0 for the file as a whole
     * @param field the JSON property / CSV column
     * @param rule  {@code required}, {@code format}, {@code range}, {@code unknown}, {@code duplicate}, {@code order},
     *              {@code notAllowed}, {@code columns}, {@code header}
     */
    public record RowError(int row, String field, String rule) {
    }
}
