package org.medunion.diagnostics.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ImportJobStatus;
import org.medunion.diagnostics.ImportJobView;
import org.medunion.diagnostics.ResultImport;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.web.ConsoleMessages;
import org.medunion.shared.web.UploadedTable;
import org.springframework.stereotype.Component;

/**
 * Result files as the diagnostics module reads them: an uploaded CSV or .xlsx as rows, the header's column names
 * accepted as the template writes them in either language (报告单号 / Report number) or as {@code report_number}, and
 * a rejected row told in words (an ID number in it masked by the module).
 */
@Component
class ResultFiles {

    private final ConsoleMessages consoleMessages;

    ResultFiles(ConsoleMessages consoleMessages) {
        this.consoleMessages = consoleMessages;
    }

    /** One rejected row for a reader: row, column label, the rule in words. */
    record RejectedRow(int row, String column, String code, String message) {
    }

    /** The answer to an import: the figures, and every rejected row in words. */
    record ImportAnswer(int rows, int created, int existing, List<RejectedRow> rejected) {
    }

    /**
     * An import job for a reader (decision 0238): where it stands, the figures so far, why it stopped, and once ended every
     * rejected row in words.
     */
    record JobAnswer(UUID id, String fileName, ImportJobStatus status, String statusText, int rowsTotal, int rowsDone, int percent,
                     int created, int existing, int rejectedRows, List<RejectedRow> rejected, @Nullable String error,
                     Instant submittedAt, @Nullable Instant finishedAt) {

        public boolean ended() {
            return status.ended();
        }
    }

    /** The file's rows with the header's names made canonical ({@link ResultImport#COLUMNS}), up to 10 MB. */
    List<List<String>> read(@Nullable String filename, byte @Nullable [] bytes) {
        return consoleMessages.withColumns(UploadedTable.read(filename, bytes, ResultImport.MAX_UPLOAD_BYTES), ResultImport.COLUMNS);
    }

    /** Whether the table is imported as a job (more than {@link ResultImport#JOB_ROWS} data rows). */
    static boolean large(List<List<String>> table) {
        return table.size() - 1 > ResultImport.JOB_ROWS;
    }

    JobAnswer answer(ImportJobView j) {
        String error = j.errorCode() == null ? null : consoleMessages.text("error." + j.errorCode(), consoleMessages.fieldLabel("file"));
        return new JobAnswer(j.id().value(), j.fileName(), j.status(), consoleMessages.text("diagnostics.import.status." + j.status()),
                j.rowsTotal(), j.rowsDone(), j.percent(), j.created(), j.existing(), j.rejectedRows(),
                j.rejected().stream().map(this::row).toList(), error, j.submittedAt(), j.finishedAt());
    }

    /** The template's header in the reader's language. */
    List<String> header() {
        return ResultImport.COLUMNS.stream().map(consoleMessages::fieldLabel).toList();
    }

    ImportAnswer answer(ResultImport result) {
        return new ImportAnswer(result.rows(), result.created(), result.existing(), result.rejected().stream().map(this::row).toList());
    }

    private RejectedRow row(ResultImport.Rejected r) {
        return new RejectedRow(r.row(), consoleMessages.fieldLabel(r.column()), r.code(), message(r));
    }

    /** The rule in words; for the ID number the number as the module gave it (masked), so the reader finds the row. */
    private String message(ResultImport.Rejected r) {
        String text = consoleMessages.message(new InvalidInputException(r.column(), r.code(), r.arguments().toArray()));
        boolean idNumber = "id_number".equals(r.column()) && !r.arguments().isEmpty() && !String.valueOf(r.arguments().get(0)).isBlank();
        return idNumber ? text + " (" + r.arguments().get(0) + ")" : text;
    }
}
