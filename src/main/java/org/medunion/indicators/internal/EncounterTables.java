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
        RowError malformed = malformed(lines, pad);
        if (malformed != null) {
            return new Rows(List.of(), malformed);
        }
        return new Rows(rows(lines, 1, lines.size()), null);
    }

    /**
     * The file's first structural problem, or null: a missing or unknown header, a line with another number of fields
     * (after padding, with {@code pad}). Nothing is built, so an import job's request checks a large file in one pass.
     */
    static @Nullable RowError malformed(List<List<String>> lines, boolean pad) {
        if (lines.isEmpty()) {
            return new RowError(0, "header", "required");
        }
        List<String> header = header(lines);
        for (String h : header) {
            if (!EncounterParsing.COLUMNS.containsValue(h)) {
                return new RowError(0, h, "header");
            }
        }
        for (String required : EncounterImports.REQUIRED) {
            if (!header.contains(required)) {
                return new RowError(0, required, "header");
            }
        }
        for (int i = 1; i < lines.size(); i++) {
            int size = lines.get(i).size();
            if (size > header.size() || size < header.size() && !pad) {
                return new RowError(i, "*", "columns");
            }
        }
        return null;
    }

    private static List<String> header(List<List<String>> lines) {
        return lines.get(0).stream().map(String::strip).toList();
    }

    /** The data lines [from, to) of a well-formed file (see {@link #malformed}) by column, short lines padded. */
    static List<Map<String, @Nullable Object>> rows(List<List<String>> lines, int from, int to) {
        List<String> header = header(lines);
        var rows = new ArrayList<Map<String, @Nullable Object>>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            List<String> line = lines.get(i);
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < line.size() ? line.get(c) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The institutions a well-formed file's lines name (each valid {@code institution_id} once), read from that column
     * alone: the request of an import job checks the caller's right to these, and the worker parses every row.
     */
    static Set<UUID> institutions(List<List<String>> lines) {
        int column = header(lines).indexOf(INSTITUTION);
        var texts = new HashSet<String>();
        var out = new LinkedHashSet<UUID>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (column < line.size() && texts.add(line.get(column))) {
                try {
                    out.add(UUID.fromString(line.get(column).strip()));
                } catch (IllegalArgumentException e) {
                    // a row error the worker reports with its row number
                }
            }
        }
        return out;
    }

    /**
     * The data lines [from, to) of a well-formed file parsed, numbered as rows of the file (the first data line is row
     * 1): an import job parses its file a chunk at a time.
     */
    static Parsed parse(List<List<String>> lines, int from, int to) {
        var parsed = parse(rows(lines, from, to), true);
        var numbers = parsed.numbers().stream().map(n -> n + from - 1).toList();
        var errors = parsed.errors().stream().map(e -> new RowError(e.row() + from - 1, e.field(), e.rule())).toList();
        return new Parsed(parsed.records(), numbers, errors);
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
