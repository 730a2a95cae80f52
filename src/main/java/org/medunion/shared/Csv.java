package org.medunion.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 4180 CSV: comma separated, double quotes around fields with commas, quotes or line breaks; blank lines skipped;
 * a leading byte order mark ignored. The one reader of every CSV MedUnion takes in (encounters, catalogues).
 */
public final class Csv {

    private Csv() {
    }

    /** A problem of an uploaded table as a whole: its column ({@code file} for the file) and the message code. */
    public record FileProblem(String column, String code, List<Object> arguments) {
    }

    /**
     * What is wrong with a table (header first) as a whole: each required column the header lacks, more than
     * {@code maxRows} data rows, or none at all. Empty when the rows can be read one by one.
     */
    public static List<FileProblem> fileProblems(List<List<String>> table, List<String> required, int maxRows) {
        var problems = new ArrayList<FileProblem>();
        Map<String, Integer> present = table.isEmpty() ? Map.of() : positions(table.get(0), required);
        for (String column : required) {
            if (!present.containsKey(column)) {
                problems.add(new FileProblem(column, "import.missingColumn", List.of()));
            }
        }
        int rows = Math.max(0, table.size() - 1);
        if (rows > maxRows) {
            problems.add(new FileProblem("file", TextRules.TOO_MANY, List.of(maxRows)));
        }
        if (rows == 0 && problems.isEmpty()) {
            problems.add(new FileProblem("file", "field.required", List.of()));
        }
        return problems;
    }

    /** The position of each of {@code columns} named in a header row (stripped, lower-cased; the first one counts). */
    public static Map<String, Integer> positions(List<String> header, List<String> columns) {
        var positions = new HashMap<String, Integer>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT);
            if (columns.contains(name)) {
                positions.putIfAbsent(name, c);
            }
        }
        return positions;
    }

    /**
     * The table as UTF-8 CSV, every field quoted, as {@link #parse} reads it back: how an import job stores the file it
     * was given, whatever format it came in.
     */
    public static byte[] write(List<List<String>> table) {
        var out = new StringBuilder();
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ",").append('"').append(Objects.requireNonNullElse(row.get(c), "").replace("\"", "\"\""))
                        .append('"');
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * RFC 4180 CSV as rows of fields: quoted fields with {@code ""} for a quote, lines ended by LF, CR or CRLF, blank
     * lines skipped, a leading byte order mark dropped. A field without quotes is cut out of the text as it is (the
     * common case: a 7 MB encounter file parsed in a third of the time it took character by character); one with a
     * quote is read character by character.
     */
    public static List<List<String>> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int n = s.length();
        var lines = new ArrayList<List<String>>();
        var fields = new ArrayList<String>();
        boolean any = false; // the line has a field, a separator or a quote: it is no blank line
        int i = 0;
        while (true) {
            int j = i;
            char c = 0;
            while (j < n && (c = s.charAt(j)) != ',' && c != '\n' && c != '\r' && c != '"') {
                j++;
            }
            String field;
            if (j < n && c == '"') {
                any = true;
                var b = new StringBuilder().append(s, i, j);
                j = quoted(s, j, b);
                field = b.toString();
            } else {
                field = s.substring(i, j);
            }
            any |= !field.isEmpty();
            if (j >= n) {
                if (any) {
                    fields.add(field);
                    lines.add(List.copyOf(fields));
                }
                return lines;
            }
            if (s.charAt(j) == ',') {
                fields.add(field);
                any = true;
            } else {
                if (s.charAt(j) == '\r' && j + 1 < n && s.charAt(j + 1) == '\n') {
                    j++;
                }
                if (any) {
                    fields.add(field);
                    lines.add(List.copyOf(fields));
                }
                fields.clear();
                any = false;
            }
            i = j + 1;
        }
    }

    /**
     * The rest of a field from its first quote at {@code from}: quoted parts ({@code ""} a quote) and unquoted ones
     * appended to {@code field} up to the separator or line end outside quotes; returns that position (or the end).
     */
    private static int quoted(String s, int from, StringBuilder field) {
        boolean quoted = false;
        int j = from;
        for (; j < s.length(); j++) {
            char c = s.charAt(j);
            if (quoted) {
                if (c == '"' && j + 1 < s.length() && s.charAt(j + 1) == '"') {
                    field.append('"');
                    j++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                return j;
            } else {
                field.append(c);
            }
        }
        return j;
    }
}
