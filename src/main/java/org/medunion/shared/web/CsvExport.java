package org.medunion.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A console list's export as CSV that Excel opens in Chinese: UTF-8 with a byte order mark, CRLF lines, every
 * field quoted. The rows are what the list shows with the caller's rights (names, not codes).
 */
public final class CsvExport {

    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    /** A download named {@code filename} with the header row and the rows. */
    public static ResponseEntity<byte[]> of(String filename, List<String> header, List<List<String>> rows) {
        var text = new StringBuilder(BOM).append(line(header));
        rows.forEach(r -> text.append(line(r)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String line(List<String> fields) {
        return fields.stream().map(CsvExport::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quoted; a field a spreadsheet would read as a formula (=, +, -, @) gets a leading apostrophe. */
    private static String field(String f) {
        String v = f == null ? "" : f;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
