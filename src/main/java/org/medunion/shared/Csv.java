package org.medunion.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, double quotes around fields with commas, quotes or line breaks; blank lines skipped;
 * a leading byte order mark ignored. The one reader of every CSV MedUnion takes in (encounters, catalogues).
 */
public final class Csv {

    private Csv() {
    }

    public static List<List<String>> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        var lines = new ArrayList<List<String>>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    lines.add(List.copyOf(fields));
                }
                fields.clear();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            lines.add(List.copyOf(fields));
        }
        return lines;
    }
}
