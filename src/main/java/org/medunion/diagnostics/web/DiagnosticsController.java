package org.medunion.diagnostics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreOverview;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ExplanationView;
import org.medunion.diagnostics.ItemList;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.MapCode;
import org.medunion.diagnostics.PublishList;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.RecognitionOffer;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.diagnostics.RecordQc;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the catalogue, lists, centres, QC, results and recognition (issue 15). Errors: problem details. */
@RestController
@RequestMapping("/api/diagnostics")
@Tag(name = "Diagnostics", description = "Shared centres and mutual recognition of results (检查检验结果互认)")
class DiagnosticsController {

    private static final int PENDING_LIMIT = 100;

    private final DiagnosticsManagement diagnostics;

    DiagnosticsController(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GetMapping("/items")
    @Operation(summary = "The item catalogue")
    List<ItemView> items() {
        return diagnostics.items();
    }

    @PutMapping("/items")
    @Operation(summary = "Add or replace a catalogue item (administrators)")
    ItemView defineItem(@RequestBody DefineItem body) {
        return diagnostics.defineItem(body);
    }

    @PostMapping("/lists")
    @Operation(summary = "Publish the next version of a jurisdiction's recognised-item list with windows in days")
    ResponseEntity<ItemList> publishList(@RequestBody PublishList body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnostics.publishList(body));
    }

    @GetMapping("/lists/{jurisdiction}")
    @Operation(summary = "Every version of a jurisdiction's list, newest first")
    List<ItemList> lists(@PathVariable String jurisdiction) {
        return diagnostics.lists(jurisdiction);
    }

    @PostMapping("/code-map")
    @Operation(summary = "Map a member institution's own item code to the catalogue")
    ResponseEntity<Void> mapCode(@RequestBody MapCode body) {
        diagnostics.mapCode(body);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/code-map/{institutionId}/{memberCode}")
    @Operation(summary = "The catalogue code a member code is mapped to")
    ResponseEntity<Map<String, String>> catalogueCode(@PathVariable UUID institutionId, @PathVariable String memberCode) {
        return diagnostics.catalogueCode(institutionId, memberCode).map(c -> ResponseEntity.ok(Map.of("itemCode", c)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/centres")
    @Operation(summary = "Register a shared centre of a consortium (SC-1) with turnaround targets (SC-2)")
    ResponseEntity<CentreView> registerCentre(@RequestBody RegisterCentre body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnostics.registerCentre(body));
    }

    @GetMapping("/centres")
    @Operation(summary = "Shared centres, of one consortium or all")
    List<CentreView> centres(@RequestParam(required = false) @Nullable UUID consortiumId) {
        return diagnostics.centres(consortiumId);
    }

    @GetMapping("/centres/{id}")
    CentreView centre(@PathVariable UUID id) {
        return diagnostics.centre(new CentreId(id));
    }

    @PostMapping("/qc")
    @Operation(summary = "Record an institution's QC result for an item (SC-8, NAT-R-2)")
    ResponseEntity<QcView> recordQc(@RequestBody RecordQc body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnostics.recordQc(body));
    }

    @GetMapping("/qc/{institutionId}")
    List<QcView> qc(@PathVariable UUID institutionId) {
        return diagnostics.qualityControl(institutionId);
    }

    @PostMapping("/results")
    @Operation(summary = "Record a report performed by the caller's institution (needs a care relationship)")
    ResponseEntity<ReportView> recordReport(@RequestBody RecordReport body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnostics.recordReport(body));
    }

    @GetMapping("/results/{id}")
    @Operation(summary = "One report (audited; 404 without a care relationship)")
    ReportView report(@PathVariable UUID id) {
        return diagnostics.report(new ReportId(id));
    }

    @GetMapping("/results")
    @Operation(summary = "A resident's reports (audited; empty without a care relationship)")
    List<ReportView> reportsOf(@RequestParam UUID residentId) {
        return diagnostics.reportsOf(residentId);
    }

    @GetMapping("/recognisable")
    @Operation(summary = "Earlier results of the item for the resident, each offered or not with the reasons (NAT-R)")
    RecognitionOffer recognisable(@RequestParam UUID residentId, @RequestParam String itemCode,
                                  @RequestParam(required = false) @Nullable UUID orderingInstitutionId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return diagnostics.findRecognisable(residentId, itemCode, orderingInstitutionId, asOf);
    }

    @PostMapping("/decisions")
    @Operation(summary = "Recognise an offered result, or re-examine with a reason code 01–08 (text for 07/08)")
    ResponseEntity<DecisionView> decide(@RequestBody RecordDecision body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnostics.decide(body));
    }

    @GetMapping("/decisions")
    List<DecisionView> decisions(@RequestParam UUID residentId) {
        return diagnostics.decisionsOf(residentId);
    }

    @GetMapping("/decisions/{id}/explanation")
    @Operation(summary = "The patient explanation of a re-examination that passed over an offered result (NAT-R-8; audited)")
    ExplanationView explanation(@PathVariable UUID id) {
        return diagnostics.explanation(id);
    }

    @PostMapping("/decisions/{id}/explanation")
    @Operation(summary = "Record that the explanation was given to the patient: PRINTED, VERBAL or APP_MESSAGE (once; again is 409)")
    ExplanationView explanationGiven(@PathVariable UUID id, @RequestBody RecordExplanation body) {
        return diagnostics.recordExplanationGiven(id, body);
    }

    @GetMapping("/explanations/pending")
    @Operation(summary = "The caller's patient explanations not yet given (NAT-R-8 to-do)")
    List<ExplanationView> pendingExplanations() {
        return diagnostics.pendingExplanations(PENDING_LIMIT);
    }

    @GetMapping("/overview")
    @Operation(summary = "Turnaround, recognition rate and reasons, avoided cost (office: its consortium)")
    CentreOverview overview(@RequestParam(required = false) @Nullable UUID consortiumId) {
        return diagnostics.overview(consortiumId);
    }
}
