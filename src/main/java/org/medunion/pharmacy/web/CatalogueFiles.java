package org.medunion.pharmacy.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.CatalogueImport;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.web.ConsoleMessages;
import org.medunion.shared.web.UploadedTable;
import org.springframework.stereotype.Component;

/**
 * Catalogue files as the pharmacy module reads them: an uploaded CSV or .xlsx as rows, the header's column names
 * accepted as the template writes them in either language (本地编码 / Local code) or as {@code local_code}, and a
 * rejected row told in words.
 */
@Component
class CatalogueFiles {

    private final ConsoleMessages consoleMessages;

    CatalogueFiles(ConsoleMessages consoleMessages) {
        this.consoleMessages = consoleMessages;
    }

    /** One rejected row for a reader: row, column label, the rule in words. */
    record RejectedRow(int row, String column, String code, String message) {
    }

    /** The file's rows with the header's names made canonical ({@link CatalogueImport#COLUMNS}). */
    List<List<String>> read(@Nullable String filename, byte @Nullable [] bytes) {
        return consoleMessages.withColumns(UploadedTable.read(filename, bytes), CatalogueImport.COLUMNS);
    }

    /** The template's header in the reader's language. */
    List<String> header() {
        return CatalogueImport.COLUMNS.stream().map(consoleMessages::fieldLabel).toList();
    }

    List<RejectedRow> rejected(CatalogueImport result) {
        return result.rejected().stream().map(r -> new RejectedRow(r.row(), consoleMessages.fieldLabel(r.column()), r.code(),
                consoleMessages.message(new InvalidInputException(r.column(), r.code(), r.arguments().toArray())))).toList();
    }
}
