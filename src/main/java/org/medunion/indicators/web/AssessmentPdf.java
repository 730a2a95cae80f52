package org.medunion.indicators.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.medunion.indicators.web.AssessmentDocuments.Doc;
import org.medunion.indicators.web.AssessmentDocuments.Table;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The report as PDF with its Chinese font embedded: WenQuanYi Micro Hei, subset to GB2312 and the project's texts
 * (fonts/wqy-microhei-report.ttf, Apache-2.0; decision 0240), of which PDFBox embeds the glyphs the report uses. Ships
 * in the jar: a machine with only a JDK prints it the same.
 */
@Component
class AssessmentPdf {

    static final String FONT = "fonts/wqy-microhei-report.ttf";

    byte[] write(Doc doc) {
        try (var pdf = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
                font = PDType0Font.load(pdf, in, true);
            }
            var info = pdf.getDocumentInformation();
            info.setTitle(doc.title());
            info.setCreator("MedUnion");
            pdf.getDocumentCatalog().setLanguage("zh-CN");
            var layout = new PdfLayout(pdf, font);
            layout.title(doc.title());
            layout.table(List.of(), doc.facts(), new float[] {16, 84});
            for (Table t : doc.tables()) {
                layout.heading(t.name());
                layout.table(t.header(), t.rows(), t.widths());
            }
            layout.finish(doc.title());
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
