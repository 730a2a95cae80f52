package org.medunion.pharmacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueImport;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.ChooseDispensingSite;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatistics;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the pharmacy module (issue 16). Errors are problem details; rule violations 422 with rule and clause. */
@RestController
@RequestMapping("/api/pharmacy")
@Tag(name = "Pharmacy", description = "Consortium formulary, member catalogue mapping, prescriptions, pre-review, dispensing (RX pack)")
class PharmacyController {

    private final PharmacyManagement pharmacy;
    private final CatalogueFiles files;

    PharmacyController(PharmacyManagement pharmacy, CatalogueFiles files) {
        this.pharmacy = pharmacy;
        this.files = files;
    }

    @GetMapping("/formulary")
    @Operation(summary = "The consortium formulary (demo set), optionally filtered by name or code")
    List<FormularyDrugView> formulary(@RequestParam(required = false) @Nullable String q) {
        return pharmacy.formulary(q);
    }

    @GetMapping("/formulary/{code}")
    @Operation(summary = "One formulary drug")
    FormularyDrugView drug(@PathVariable String code) {
        return pharmacy.drug(code).orElseThrow(() -> new NotFoundException("Medication", code));
    }

    @PutMapping("/catalogues/{institutionId}")
    @Operation(summary = "Map items of a member's own catalogue to the formulary (formularyCode null = unmapped, RX-14)")
    CatalogueCoverage mapCatalogue(@PathVariable UUID institutionId, @RequestBody List<CatalogueItem> items) {
        return pharmacy.mapCatalogue(institutionId, items);
    }

    /** The answer to a catalogue import: the figures, the coverage after it, or every rejected row in words. */
    record ImportAnswer(int rows, int mapped, int unmapped, @Nullable CatalogueCoverage coverage,
                        List<CatalogueFiles.RejectedRow> rejected) {
    }

    @PostMapping(path = "/catalogues/{institutionId}/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a member's catalogue from CSV (local_code, local_name, formulary_code); all or nothing: "
            + "422 lists every rejected row with its column and rule")
    ResponseEntity<ImportAnswer> importCsv(@PathVariable UUID institutionId, @RequestBody byte[] csv) {
        return answer(pharmacy.importCatalogue(institutionId, files.read("catalogue.csv", csv)));
    }

    @PostMapping(path = "/catalogues/{institutionId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a member's catalogue from an uploaded .csv or .xlsx file (part \"file\"), as the CSV import")
    ResponseEntity<ImportAnswer> importFile(@PathVariable UUID institutionId, @RequestParam("file") MultipartFile file)
            throws IOException {
        return answer(pharmacy.importCatalogue(institutionId, files.read(file.getOriginalFilename(), file.getBytes())));
    }

    private ResponseEntity<ImportAnswer> answer(CatalogueImport result) {
        var body = new ImportAnswer(result.rows(), result.mapped(), result.unmapped(), result.coverage(), files.rejected(result));
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    @GetMapping("/catalogues/coverage")
    @Operation(summary = "Mapping coverage per member with the unmapped items (RX-14)")
    List<CatalogueCoverage> coverage() {
        return pharmacy.coverage();
    }

    @PostMapping("/prescriptions")
    @Operation(summary = "Write a prescription and submit it to pre-review; a broken RX rule is 422 naming the rule and clause")
    ResponseEntity<PrescriptionView> prescribe(@RequestBody WritePrescription body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pharmacy.prescribe(body));
    }

    @GetMapping("/prescriptions")
    @Operation(summary = "Prescriptions the caller may see (prescribing institution, reviewing centre, dispensing site)")
    List<PrescriptionView> prescriptions(@RequestParam(required = false) @Nullable PrescriptionStatus status) {
        return pharmacy.prescriptions(status);
    }

    @GetMapping("/prescriptions/{id}")
    @Operation(summary = "One prescription (404 when not visible to the caller)")
    PrescriptionView prescription(@PathVariable UUID id) {
        return pharmacy.prescription(new PrescriptionId(id));
    }

    @GetMapping("/review-queue")
    @Operation(summary = "The pharmacist's review queue (RX-8, RX-11), oldest first, with due times")
    List<PrescriptionView> queue() {
        return pharmacy.reviewQueue();
    }

    @GetMapping("/dispensing")
    @Operation(summary = "Approved prescriptions to dispense at the caller's institution (RX-15)")
    List<PrescriptionView> dispensing() {
        return pharmacy.dispensingList();
    }

    @PostMapping("/prescriptions/{id}/approve")
    @Operation(summary = "Approve (with an optional note)")
    PrescriptionView approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable ReviewDecision body) {
        return pharmacy.approve(new PrescriptionId(id), body == null ? new ReviewDecision(null, null) : body);
    }

    @PostMapping("/prescriptions/{id}/return")
    @Operation(summary = "Return to the prescriber with a reason")
    PrescriptionView returnIt(@PathVariable UUID id, @RequestBody ReviewDecision body) {
        return pharmacy.returnToPrescriber(new PrescriptionId(id), body);
    }

    @PostMapping("/prescriptions/{id}/resubmit")
    @Operation(summary = "Fix a returned prescription and resubmit it (checked and pre-screened again)")
    PrescriptionView resubmit(@PathVariable UUID id, @RequestBody WritePrescription body) {
        return pharmacy.resubmit(new PrescriptionId(id), body);
    }

    @PostMapping("/prescriptions/{id}/override")
    @Operation(summary = "Keep the prescription as written against a return, with a reason (recorded and counted)")
    PrescriptionView override(@PathVariable UUID id, @RequestBody ReviewDecision body) {
        return pharmacy.override(new PrescriptionId(id), body);
    }

    @PostMapping("/prescriptions/{id}/cancel")
    @Operation(summary = "Cancel with a reason")
    PrescriptionView cancel(@PathVariable UUID id, @RequestBody ReviewDecision body) {
        return pharmacy.cancel(new PrescriptionId(id), body);
    }

    @PostMapping("/prescriptions/{id}/dispensing-site")
    @Operation(summary = "Record the patient's confirmed choice of dispensing member or central distribution (audited)")
    PrescriptionView site(@PathVariable UUID id, @RequestBody ChooseDispensingSite body) {
        return pharmacy.chooseDispensingSite(new PrescriptionId(id), body);
    }

    @PostMapping("/prescriptions/{id}/dispense")
    @Operation(summary = "Dispense in full")
    PrescriptionView dispense(@PathVariable UUID id, @RequestBody(required = false) @Nullable Dispense body) {
        return pharmacy.dispense(new PrescriptionId(id), PrescriptionAction.DISPENSE, body == null ? new Dispense(null, null) : body);
    }

    @PostMapping("/prescriptions/{id}/dispense-partial")
    @Operation(summary = "Dispense in part, with a coded reason")
    PrescriptionView partial(@PathVariable UUID id, @RequestBody Dispense body) {
        return pharmacy.dispense(new PrescriptionId(id), PrescriptionAction.DISPENSE_PARTIAL, body);
    }

    @PostMapping("/prescriptions/{id}/not-dispensed")
    @Operation(summary = "Record that it was not dispensed, with a coded reason")
    PrescriptionView notDispensed(@PathVariable UUID id, @RequestBody Dispense body) {
        return pharmacy.dispense(new PrescriptionId(id), PrescriptionAction.NOT_DISPENSE, body);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Counts in the caller's scope: statuses, returns, overrides, findings by category")
    PrescriptionStatistics statistics() {
        return pharmacy.statistics();
    }

    @GetMapping("/workflow")
    @Operation(summary = "The review and dispensing transition table")
    Map<PrescriptionStatus, Map<PrescriptionAction, PrescriptionStatus>> workflow() {
        return PrescriptionWorkflow.table();
    }
}
