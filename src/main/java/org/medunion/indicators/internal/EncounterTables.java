package org.medunion.indicators.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.EncounterImports;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IngestReport.RowError;

/**
 * A table of strings (a CSV file or the first sheet of a workbook, header first) as encounter rows: the header and the
 * number of fields of each line are checked, then each row is parsed by {@link EncounterParsing}. Shared by the ingest
 * in the request and the import jobs (decision 0267), so both read a file the same way.
 */
final class EncounterTables {

    private static final String INSTITUTION = Objects.requireNonNull(EncounterParsing.COLUMNS.get("institutionId"));

    private EncounterTables() {
    }

    /** The rows by column, or the first structural problem of the file (then {@code rows} is empty). */
    record Rows(List<Map<String, @Nullable Object>> rows, @Nullable RowError malformed) {
    }

    /** Parsed rows: the records with their 1-based row numbers, and the errors of the rows that are no record. */
    record Parsed(List<EncounterRecord> records, List<Integer> numbers, List<RowError> errors) {
    }

    /** {@code pad}: rows shorter than the header are padded with empty cells (a workbook leaves them out). */
    static Rows rows(List<List<String>> lines, boolean pad) {
        if (lines.isEmpty()) {
            return malformed(0, "header", "required");
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        for (String h : header) {
            if (!EncounterParsing.COLUMNS.containsValue(h)) {
                return malformed(0, h, "header");
            }
        }
        for (String required : EncounterImports.REQUIRED) {
            if (!header.contains(required)) {
                return malformed(0, required, "header");
            }
        }
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (pad && line.size() < header.size()) {
                var padded = new ArrayList<>(line);
                while (padded.size() < header.size()) {
                    padded.add("");
                }
                line = padded;
            }
            if (line.size() != header.size()) {
                return malformed(i, "*", "columns");
            }
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), line.get(c));
            }
            rows.add(row);
        }
        return new Rows(rows, null);
    }

    private static Rows malformed(int row, String field, String rule) {
        return new Rows(List.of(), new RowError(row, field, rule));
    }

    /**
     * The institutions the rows name (each valid {@code institution_id} once), without parsing the rest: the request of an
     * import job checks the caller's right to these, and the worker parses every row.
     */
    static Set<UUID> institutions(List<Map<String, @Nullable Object>> rows) {
        var texts = new HashSet<String>();
        var out = new LinkedHashSet<UUID>();
        for (var row : rows) {
            Object v = row.get(INSTITUTION);
            if (v != null && texts.add(v.toString())) {
                try {
                    out.add(UUID.fromString(v.toString().strip()));
                } catch (IllegalArgumentException e) {
                    // a row error the worker reports with its row number
                }
            }
        }
        return out;
    }

    /** Each row parsed; {@code csv}: the keys are CSV column names, else JSON property names. */
    static Parsed parse(List<? extends Map<String, ? extends @Nullable Object>> rows, boolean csv) {
        var records = new ArrayList<EncounterRecord>();
        var numbers = new ArrayList<Integer>();
        var errors = new ArrayList<RowError>();
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            var p = EncounterParsing.parse(i + 1, (Map<String, @Nullable Object>) rows.get(i), csv);
            errors.addAll(p.errors());
            if (p.record() != null) {
                records.add(p.record());
                numbers.add(i + 1);
            }
        }
        return new Parsed(records, numbers, errors);
    }
}
