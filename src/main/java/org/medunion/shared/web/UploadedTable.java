package org.medunion.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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

    /**
     * The first sheet read as a stream of rows (POI's SAX reader), cells as Excel shows them: a workbook is never built
     * in memory. {@code XSSFWorkbook} took 600 MB of heap and 5.6 s for a 2.5 MB file of 100,000 rows, the largest an
     * encounter import takes, and ran out of the 512 MB heap (decision 0271).
     */
    private static List<List<String>> workbook(byte[] bytes) {
        try (var pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            var reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return List.of();
            }
            var rows = new SheetRows();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                        rows, new DataFormatter(Locale.CHINA), false));
                parser.parse(new InputSource(sheet));
            }
            return rows.rows;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // POI throws runtime exceptions (NotOfficeXmlFileException, POIXMLException) for files that are not .xlsx
            throw new InvalidInputException("file", "upload.unreadable", e.getClass().getSimpleName());
        }
    }

    /** The rows of a sheet as they stream by: a missing cell is an empty one, a row of blank cells is left out. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        final List<List<String>> rows = new ArrayList<>();
        private final List<String> cells = new ArrayList<>();

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> !c.isBlank())) {
                rows.add(List.copyOf(cells));
            }
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String formattedValue, @Nullable XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
