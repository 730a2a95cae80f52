package org.medunion.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.AssessmentId;
import org.medunion.indicators.AssessmentManagement;
import org.medunion.indicators.AssessmentManagement.EvidenceContent;
import org.medunion.indicators.AssessmentManagement.UploadEvidence;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.CreateAssessment;
import org.medunion.indicators.ExternalAssessment;
import org.medunion.indicators.SelfAssessment;
import org.medunion.indicators.Snapshot;
import org.medunion.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The assessment cycle (issue 17): baseline, annual and final assessments of a consortium; docs/indicators.md "Assessments". */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = "Assessments", description = "Baseline, annual and final assessments in D-1..D-7: self-assessment, external "
        + "assessment, freeze with the indicator values, packs and NAT checklist; Excel and PDF")
class AssessmentController {

    private final AssessmentManagement assessments;
    private final AssessmentExports exports;

    AssessmentController(AssessmentManagement assessments, AssessmentExports exports) {
        this.assessments = assessments;
        this.exports = exports;
    }

    /** The reason a planner gives when returning a self-assessment. */
    record ReturnBody(@Nullable String reason) {
    }

    @GetMapping
    @Operation(summary = "Assessments within the caller's scope (planner: jurisdiction, office: its consortium), newest year first")
    List<AssessmentView> list(@RequestParam(required = false) @Nullable UUID consortium) {
        return assessments.assessments(consortium);
    }

    @PostMapping
    @Operation(summary = "Planner: open an assessment {consortiumId, kind: BASELINE|ANNUAL|FINAL, year}; 409 when it exists")
    ResponseEntity<AssessmentView> create(@RequestBody CreateAssessment body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.create(body));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assessment with both sides' ratings, and the frozen snapshot once frozen")
    AssessmentView get(@PathVariable UUID id) {
        return assessments.assessment(new AssessmentId(id));
    }

    @GetMapping("/{id}/snapshot")
    @Operation(summary = "The frozen figures, or before the freeze the current ones (frozen: false, nothing stored)")
    Snapshot snapshot(@PathVariable UUID id) {
        return assessments.snapshot(new AssessmentId(id));
    }

    @PostMapping("/{id}/self-assessment")
    @Operation(summary = "Office: submit the self-assessment, every dimension with rating, optional score 0-100, comment, "
            + "evidence and reference (OPEN → SELF_ASSESSED)")
    AssessmentView selfAssess(@PathVariable UUID id, @RequestBody SelfAssessment body) {
        return assessments.selfAssess(new AssessmentId(id), body);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Planner: send the self-assessment back with a reason (SELF_ASSESSED → OPEN)")
    AssessmentView returnToOffice(@PathVariable UUID id, @RequestBody ReturnBody body) {
        return assessments.returnToOffice(new AssessmentId(id), body.reason());
    }

    @PostMapping("/{id}/external-assessment")
    @Operation(summary = "Planner: record or revise the external assessment, every dimension, overallRating and conclusion")
    AssessmentView assessExternally(@PathVariable UUID id, @RequestBody ExternalAssessment body) {
        return assessments.assessExternally(new AssessmentId(id), body);
    }

    @PostMapping("/{id}/freeze")
    @Operation(summary = "Planner: freeze with the values, source counts, packs and checklist of this moment; 409 afterwards")
    AssessmentView freeze(@PathVariable UUID id) {
        return assessments.freeze(new AssessmentId(id));
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "The assessment as an Excel workbook (Chinese); before the freeze with the live values, marked as such")
    ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
        return exports.xlsx(new AssessmentId(id));
    }

    @GetMapping("/{id}/export.pdf")
    @Operation(summary = "The assessment as a PDF with its Chinese font embedded")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return exports.pdf(new AssessmentId(id));
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Office: attach an evidence file to one dimension of the self-assessment (PDF, JPEG, PNG or XLSX, at "
            + "most 4 MiB); 409 once frozen")
    ResponseEntity<AssessmentView.Evidence> upload(@PathVariable UUID id, @RequestParam(required = false) @Nullable String dimension,
                                                   @RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(assessments.uploadEvidence(new AssessmentId(id), evidence(dimension, file)));
    }

    @DeleteMapping("/{id}/evidence/{evidence}")
    @Operation(summary = "Office: remove an evidence file; 409 once frozen")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID evidence) {
        assessments.removeEvidence(new AssessmentId(id), evidence);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/evidence/{evidence}/content")
    @Operation(summary = "Download an evidence file (whoever may read the assessment; audited)")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID evidence) {
        return file(assessments.evidenceContent(new AssessmentId(id), evidence));
    }

    static UploadEvidence evidence(@Nullable String dimension, @Nullable MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return new UploadEvidence(dimension, null, null, null);
        }
        return new UploadEvidence(dimension, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    static ResponseEntity<byte[]> file(EvidenceContent c) {
        return Downloads.attachment(c.content(), c.evidence().fileName(), c.evidence().contentType());
    }
}
