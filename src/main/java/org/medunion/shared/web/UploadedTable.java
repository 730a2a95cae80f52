package org.medunion.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;

/**
 * An uploaded table as rows of strings, the header first: a CSV file (UTF-8 with or without byte order mark, or
 * GB18030 — what Excel on a Chinese Windows saves as "CSV") or the first sheet of an Excel {@code .xlsx} workbook,
 * cells as Excel shows them. Any other file, or one that cannot be read, is a 400 naming {@code file}.
 */
public final class UploadedTable {

    /** Bigger files are refused before they are read (the multipart limit is the same). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private UploadedTable() {
    }

    public static List<List<String>> read(@Nullable String filename, byte @Nullable [] bytes) {
        return read(filename, bytes, MAX_BYTES);
    }

    /** As {@link #read(String, byte[])} with another limit (a result import, which runs as a job: decision 0238). */
    public static List<List<String>> read(@Nullable String filename, byte @Nullable [] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "field.required");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("file", "upload.tooLarge", maxBytes / (1024 * 1024));
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return workbook(bytes);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return Csv.parse(text(bytes));
        }
        throw new InvalidInputException("file", "upload.format", filename);
    }

    /** UTF-8 when the bytes are UTF-8, else GB18030 (a GBK "CSV" from Excel is never valid UTF-8 with Chinese in it). */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }

    private static List<List<String>> workbook(byte[] bytes) {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = book.getSheetAt(0);
            var format = new DataFormatter(Locale.CHINA);
            var rows = new ArrayList<List<String>>();
            for (Row row : sheet) {
                var cells = new ArrayList<String>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    rows.add(List.copyOf(cells));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            // POI throws runtime exceptions (NotOfficeXmlFileException, POIXMLException) for files that are not .xlsx
            throw new InvalidInputException("file", "upload.unreadable", e.getClass().getSimpleName());
        }
    }
}
