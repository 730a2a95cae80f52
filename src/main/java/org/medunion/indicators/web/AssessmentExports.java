package org.medunion.indicators.web;

import java.nio.charset.StandardCharsets;
import org.medunion.indicators.AssessmentId;
import org.medunion.indicators.AssessmentManagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The two downloads of an assessment, for the REST API and the console alike (each export audited). */
@Component
class AssessmentExports {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AssessmentManagement assessments;
    private final AssessmentDocuments documents;
    private final AssessmentWorkbook workbook;
    private final AssessmentPdf pdf;

    AssessmentExports(AssessmentManagement assessments, AssessmentDocuments documents, AssessmentWorkbook workbook, AssessmentPdf pdf) {
        this.assessments = assessments;
        this.documents = documents;
        this.workbook = workbook;
        this.pdf = pdf;
    }

    ResponseEntity<byte[]> xlsx(AssessmentId id) {
        var doc = documents.of(assessments.report(id, "xlsx"));
        return download(workbook.write(doc), doc.fileName() + ".xlsx", XLSX);
    }

    ResponseEntity<byte[]> pdf(AssessmentId id) {
        var doc = documents.of(assessments.report(id, "pdf"));
        return download(pdf.write(doc), doc.fileName() + ".pdf", MediaType.APPLICATION_PDF);
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build()
                        .toString())
                .contentType(type).body(bytes);
    }
}
