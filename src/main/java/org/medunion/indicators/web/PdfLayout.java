package org.medunion.indicators.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * A small flowing layout on landscape A4 pages for the assessment report: a title, headings and ruled tables whose cells
 * wrap character by character (Chinese has no spaces to break at), a table row continuing on the next page with the
 * header repeated, and page numbers written once the page count is known. Characters the embedded font lacks print as □.
 */
final class PdfLayout {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float PAD = 3;
    private static final float TEXT = 8;
    private static final float LEADING = TEXT * 1.35f;
    private static final String MISSING = "\u25a1";

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private @Nullable PDPageContentStream out;
    private float y;

    PdfLayout(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    void title(String text) throws IOException {
        block(text, 16, 8);
    }

    void heading(String text) throws IOException {
        block(text, 12, 6);
    }

    private void block(String text, float size, float after) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN;
        List<String> lines = wrap(text, width, size);
        if (out == null || y - lines.size() * size * 1.3f - after < MARGIN + 3 * LEADING) {
            newPage();
        }
        for (String line : lines) {
            y -= size * 1.3f;
            write(line, MARGIN, y + size * 0.25f, size);
        }
        y -= after;
    }

    /** A ruled table; {@code header} may be empty (a list of facts). Column widths are shares of the page width. */
    void table(List<String> header, List<List<String>> rows, float[] weights) throws IOException {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = (PAGE.getWidth() - 2 * MARGIN) * weights[i] / total;
        }
        if (out == null || y - 3 * LEADING < MARGIN) {
            newPage();
        }
        if (!header.isEmpty()) {
            row(header, widths, header, true);
        }
        for (List<String> r : rows) {
            row(r, widths, header, false);
        }
        y -= 10;
    }

    private void row(List<String> cells, float[] widths, List<String> header, boolean isHeader) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            lines.add(wrap(c < cells.size() ? cells.get(c) : "", widths[c] - 2 * PAD, TEXT));
        }
        int height = lines.stream().mapToInt(List::size).max().orElse(1);
        int from = 0;
        while (from < height) {
            int room = (int) Math.floor((y - MARGIN - 2 * PAD) / LEADING);
            if (room < 1) {
                newPage();
                if (!isHeader && !header.isEmpty()) {
                    row(header, widths, header, true);
                }
                continue;
            }
            int to = Math.min(height, from + room);
            chunk(lines, widths, from, to, isHeader);
            from = to;
        }
    }

    /** Lines [from, to) of every cell, ruled, at the current height. */
    private void chunk(List<List<String>> lines, float[] widths, int from, int to, boolean shaded) throws IOException {
        PDPageContentStream s = stream();
        float h = (to - from) * LEADING + 2 * PAD;
        float x = MARGIN;
        if (shaded) {
            s.setNonStrokingColor(0.92f, 0.92f, 0.92f);
            s.addRect(MARGIN, y - h, PAGE.getWidth() - 2 * MARGIN, h);
            s.fill();
            s.setNonStrokingColor(0f, 0f, 0f);
        }
        for (int c = 0; c < widths.length; c++) {
            s.addRect(x, y - h, widths[c], h);
            s.stroke();
            List<String> cell = lines.get(c);
            for (int l = from; l < Math.min(to, cell.size()); l++) {
                write(cell.get(l), x + PAD, y - PAD - (l - from + 1) * LEADING + LEADING * 0.25f, TEXT);
            }
            x += widths[c];
        }
        y -= h;
    }

    private void write(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        PDPageContentStream s = stream();
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, baseline);
        s.showText(text);
        s.endText();
    }

    /** The text in lines no wider than {@code width}: its own line breaks kept, else broken before the character that overflows. */
    List<String> wrap(String text, float width, float size) throws IOException {
        List<String> out = new ArrayList<>();
        for (String para : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < para.length();) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                if (used + w > width && line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Tabs as spaces, other controls dropped, characters without a glyph in the font as □. */
    private String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.replace("\t", "    ").codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (!Character.isISOControl(cp)) {
                b.append(printable.computeIfAbsent(cp, this::hasGlyph) ? new String(Character.toChars(cp)) : MISSING);
            }
        });
        return b.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private PDPageContentStream stream() throws IOException {
        if (out == null) {
            newPage();
        }
        return Objects.requireNonNull(out);
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        out.setLineWidth(0.4f);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Ends the last page and writes "footer · n / total" under every page. */
    void finish(String footer) throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (var s = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                s.beginText();
                s.setFont(font, 7);
                s.newLineAtOffset(MARGIN, MARGIN / 2);
                s.showText(printable(footer + " · " + (i + 1) + " / " + total));
                s.endText();
            }
        }
    }
}
