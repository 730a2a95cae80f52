package org.medunion.pharmacy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of importing a member's catalogue from a file (RX-14). All or nothing, as the encounter import: when
 * {@code rejected} is not empty nothing was written and {@code coverage} is null.
 *
 * @param rows     data rows read (the header not counted)
 * @param mapped   rows with a formulary code
 * @param unmapped rows without one (visible as gaps on the coverage page)
 * @param coverage the member's coverage after the import
 */
public record CatalogueImport(int rows, int mapped, int unmapped, List<Rejected> rejected, @Nullable CatalogueCoverage coverage) {

    /** The file's columns: a member's own code and name are required, the formulary code optional. */
    public static final List<String> COLUMNS = List.of("local_code", "local_name", "formulary_code");

    public CatalogueImport {
        rejected = List.copyOf(rejected);
    }

    public boolean accepted() {
        return rejected.isEmpty();
    }

    /**
     * One reason a row was refused.
     *
     * @param row       1-based data row (the header is row 0; 0 also for the file as a whole)
     * @param column    the column (one of {@link #COLUMNS}, or {@code file})
     * @param code      the rule's message code ({@code field.required}, {@code PHARMACY-0002}, ...)
     * @param arguments the message's arguments after the column
     */
    public record Rejected(int row, String column, String code, List<Object> arguments) {

        public Rejected {
            arguments = List.copyOf(arguments);
        }
    }
}
