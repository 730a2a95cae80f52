package org.medunion.diagnostics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.BatchTrace;
import org.medunion.diagnostics.BatchView;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DefinePackType;
import org.medunion.diagnostics.InventoryEntry;
import org.medunion.diagnostics.MovePacks;
import org.medunion.diagnostics.PackTypeView;
import org.medunion.diagnostics.RecordBatch;
import org.medunion.diagnostics.RecordIndicator;
import org.medunion.diagnostics.SterilisationManagement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the sterilisation centre (消毒供应中心, SC-7). No resident data. Errors: problem details. */
@RestController
@RequestMapping("/api/diagnostics/sterilisation")
@Tag(name = "Sterilisation centre", description = "Sterile packs issued to and returned by members, batch trace and recall (SC-7)")
class SterilisationController {

    private final SterilisationManagement sterilisation;

    SterilisationController(SterilisationManagement sterilisation) {
        this.sterilisation = sterilisation;
    }

    @GetMapping("/centres")
    @Operation(summary = "The sterilisation centres the caller runs, is served by, or oversees")
    List<CentreView> centres() {
        return sterilisation.sterilisationCentres();
    }

    @PostMapping("/pack-types")
    @Operation(summary = "Define a pack type of the centre: method and shelf life in days (centre staff)")
    ResponseEntity<PackTypeView> definePackType(@RequestBody DefinePackType body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sterilisation.definePackType(body));
    }

    @GetMapping("/centres/{centreId}/pack-types")
    List<PackTypeView> packTypes(@PathVariable UUID centreId) {
        return sterilisation.packTypes(new CentreId(centreId));
    }

    @PostMapping("/centres/{centreId}/batches")
    @Operation(summary = "Record a sterilisation batch (lot) with its indicators; a failed indicator recalls it")
    ResponseEntity<BatchView> recordBatch(@PathVariable UUID centreId, @RequestBody RecordBatch body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sterilisation.recordBatch(new CentreId(centreId), body));
    }

    @GetMapping("/centres/{centreId}/batches")
    @Operation(summary = "The centre's batches with stock derived from the inventory log, newest first")
    List<BatchView> batches(@PathVariable UUID centreId) {
        return sterilisation.batches(new CentreId(centreId));
    }

    @GetMapping("/batches/{batchId}")
    BatchView batch(@PathVariable UUID batchId) {
        return sterilisation.batch(batchId);
    }

    @PostMapping("/batches/{batchId}/indicator")
    @Operation(summary = "Record a later indicator result (e.g. biological after incubation); a failure recalls the batch")
    BatchView recordIndicator(@PathVariable UUID batchId, @RequestBody RecordIndicator body) {
        return sterilisation.recordIndicator(batchId, body);
    }

    @PostMapping("/batches/{batchId}/recall")
    @Operation(summary = "Recall a batch with a reason; answers the trace with the members holding its packs")
    BatchTrace recall(@PathVariable UUID batchId, @RequestBody Map<String, String> body) {
        return sterilisation.recall(batchId, body.get("reason"));
    }

    @GetMapping("/batches/{batchId}/trace")
    @Operation(summary = "Where every pack of the batch went and what came back; holders = members still holding packs")
    BatchTrace trace(@PathVariable UUID batchId) {
        return sterilisation.trace(batchId);
    }

    @PostMapping("/issues")
    @Operation(summary = "Issue packs of a usable batch to a member the centre serves (never more than in stock)")
    ResponseEntity<InventoryEntry> issue(@RequestBody MovePacks body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sterilisation.issue(body));
    }

    @PostMapping("/returns")
    @Operation(summary = "Record packs a member returns (USED, UNUSED, DAMAGED); never more than it holds")
    ResponseEntity<InventoryEntry> returnPacks(@RequestBody MovePacks body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sterilisation.returnPacks(body));
    }

    @GetMapping("/receipts")
    @Operation(summary = "What an institution received and returned (the caller's own when none is named)")
    List<InventoryEntry> receipts(@RequestParam(required = false) @Nullable UUID institutionId) {
        return sterilisation.receipts(institutionId);
    }
}
