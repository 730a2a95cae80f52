package org.medunion.diagnostics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ExamSlotOffer;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RejectOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of orders to a shared centre: ordered → received → in progress → reported, or cancelled (SC-2, SC-5). */
@RestController
@RequestMapping("/api/diagnostics/orders")
@Tag(name = "Diagnostics", description = "Shared centres and mutual recognition of results (检查检验结果互认)")
class DiagnosticOrderController {

    private final DiagnosticsManagement diagnostics;

    DiagnosticOrderController(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @PostMapping
    @Operation(summary = "Order an item for a resident at a shared centre serving the caller's institution; an imaging order "
            + "may book an exam slot with it (examSlot: slotId or firstFree, SC-4, SC-6)")
    ResponseEntity<OrderView> place(@RequestBody PlaceOrder body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(diagnostics.placeOrder(body));
    }

    @GetMapping
    @Operation(summary = "The caller's orders: the centre's work list, the member's sent orders (overdue first)")
    List<OrderView> list(@RequestParam(required = false) @Nullable OrderStatus status,
                         @RequestParam(defaultValue = "100") int limit) {
        return diagnostics.orders(status, limit);
    }

    @GetMapping("/exam-slots")
    @Operation(summary = "Free exam slots an imaging order at the centre may book for the resident (SC-4 reserved share first, "
            + "SC-6 priority), as the caller would book them")
    ExamSlotOffer examSlots(@RequestParam(required = false) @Nullable UUID centreId,
                            @RequestParam(required = false) @Nullable UUID residentId,
                            @RequestParam(required = false) @Nullable String itemCode) {
        return diagnostics.examSlots(centreId, residentId, itemCode);
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable UUID id) {
        return diagnostics.order(new OrderId(id));
    }

    @PostMapping("/{id}/receive")
    OrderView receive(@PathVariable UUID id) {
        return diagnostics.receive(new OrderId(id));
    }

    @PostMapping("/{id}/start")
    OrderView start(@PathVariable UUID id) {
        return diagnostics.start(new OrderId(id));
    }

    @PostMapping("/{id}/report")
    @Operation(summary = "The centre reports the order; a critical result starts the acknowledgement clock (SC-5)")
    OrderView report(@PathVariable UUID id, @RequestBody RecordReport body) {
        return diagnostics.report(new OrderId(id), body);
    }

    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable UUID id) {
        return diagnostics.cancel(new OrderId(id));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "The centre sends the order back for specimen/image quality with a coded reason (SC-3)")
    OrderView reject(@PathVariable UUID id, @RequestBody RejectOrder body) {
        return diagnostics.reject(new OrderId(id), body);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "The ordering clinician acknowledges the critical result")
    OrderView acknowledge(@PathVariable UUID id) {
        return diagnostics.acknowledgeCritical(new OrderId(id));
    }
}
