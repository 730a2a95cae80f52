package org.medunion.diagnostics.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
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

    /** The file's rows with the header's names made canonical ({@link ResultImport#COLUMNS}). */
    List<List<String>> read(@Nullable String filename, byte @Nullable [] bytes) {
        return consoleMessages.withColumns(UploadedTable.read(filename, bytes), ResultImport.COLUMNS);
    }

    /** The template's header in the reader's language. */
    List<String> header() {
        return ResultImport.COLUMNS.stream().map(consoleMessages::fieldLabel).toList();
    }

    ImportAnswer answer(ResultImport result) {
        return new ImportAnswer(result.rows(), result.created(), result.existing(), result.rejected().stream()
                .map(r -> new RejectedRow(r.row(), consoleMessages.fieldLabel(r.column()), r.code(), message(r))).toList());
    }

    /** The rule in words; for the ID number the number as the module gave it (masked), so the reader finds the row. */
    private String message(ResultImport.Rejected r) {
        String text = consoleMessages.message(new InvalidInputException(r.column(), r.code(), r.arguments().toArray()));
        boolean idNumber = "id_number".equals(r.column()) && !r.arguments().isEmpty() && !String.valueOf(r.arguments().get(0)).isBlank();
        return idNumber ? text + " (" + r.arguments().get(0) + ")" : text;
    }
}
