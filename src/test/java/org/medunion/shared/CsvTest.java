package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Csv#parse}: RFC 4180 fields and lines, and the reading it always had of what RFC 4180 leaves open (a quote
 * inside an unquoted field, text after a closing quote, an unterminated quote). The parser cuts unquoted fields out of
 * the text since decision 0271; the character-by-character reading it replaced is kept here as the oracle.
 */
class CsvTest {

    @Test
    void fieldsLinesQuotesAndBlankLines() {
        assertThat(Csv.parse("a,b\n1,2\n")).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(Csv.parse("\uFEFFa,b\r\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(Csv.parse("a\r1\r\n\n\r\n2\n")).containsExactly(List.of("a"), List.of("1"), List.of("2"));
        assertThat(Csv.parse("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n")).containsExactly(List.of("x, y", "say \"hi\"", "two\nlines"));
        assertThat(Csv.parse("a,,\n,\n\"\"\n")).containsExactly(List.of("a", "", ""), List.of("", ""), List.of(""));
        assertThat(Csv.parse("ab\"c,d\"e,f")).as("a quote opens quoting mid-field; text after the closing quote stays")
                .containsExactly(List.of("abc,de", "f"));
        assertThat(Csv.parse("a,\"open\nstill")).as("an unterminated quote runs to the end").containsExactly(List.of("a", "open\nstill"));
        assertThat(Csv.parse("")).isEmpty();
        assertThat(Csv.parse("\n\r\n")).isEmpty();
    }

    @Test
    void readsEveryTextAsTheCharacterByCharacterParserDid() {
        var random = new Random(271);
        char[] alphabet = {'a', 'b', ',', '"', '\n', '\r', ' ', '中'};
        for (int n = 0; n < 20_000; n++) {
            var text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(Csv.parse(text.toString())).as("%s", text.toString().replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(byCharacter(text.toString()));
        }
    }

    /** The parser before decision 0271, one character at a time. */
    private static List<List<String>> byCharacter(String text) {
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
