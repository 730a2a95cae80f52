package org.medunion.diagnostics;

import java.util.List;

/**
 * The outcome of importing lab values from a file: one row per observation, the rows of a member report number
 * forming one report. A report with any rejected row is not written (nothing half-written); the other reports are.
 *
 * @param rows     data rows read (the header not counted)
 * @param created  reports written by this import
 * @param existing reports whose member report number was already recorded for the performer (not written again)
 * @param rejected every rejected row with its column and rule; a resident ID number in the arguments is masked
 */
public record ResultImport(int rows, int created, int existing, List<Rejected> rejected) {

    /**
     * The file's columns, in the template's order; one row per observation. Required: report_number, id_number,
     * item_code, result_date, value.
     */
    public static final List<String> COLUMNS = List.of("report_number", "id_number", "item_code", "result_date", "status",
            "observation_code", "observation_name", "value", "unit", "reference_range", "critical", "conclusion");

    /** The identifier system of a file's member report numbers (per performer, as a FHIR identifier's system). */
    public static final String REPORT_NUMBER_SYSTEM = "https://medunion.example/id/member-report-number";

    /**
     * A file of more data rows than this is imported as a job in the background, with progress (decision 0238); a
     * smaller one in the request (about a second on PostgreSQL).
     */
    public static final int JOB_ROWS = 2_000;

    /** The most data rows a file may have (decision 0238: about 60 s on PostgreSQL as a job). */
    public static final int MAX_ROWS = 100_000;

    /** The largest result file accepted (CSV or .xlsx); medunion.max-upload-size is a little more for the form. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    public ResultImport {
        rejected = List.copyOf(rejected);
    }

    /** Whether anything was written or already there: a file whose every report was refused is not. */
    public boolean accepted() {
        return created + existing > 0 || rejected.isEmpty();
    }

    /**
     * One reason a row was refused.
     *
     * @param row       1-based data row (the header is row 0; 0 also for the file as a whole)
     * @param column    the column (one of {@link #COLUMNS}, or {@code file})
     * @param code      the rule's message code
     * @param arguments the message's arguments after the column
     */
    public record Rejected(int row, String column, String code, List<Object> arguments) {

        public Rejected {
            arguments = List.copyOf(arguments);
        }
    }
}
