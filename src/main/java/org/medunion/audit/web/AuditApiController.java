package org.medunion.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditExport;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.audit.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trail for the audit administrator over the API: verify the hash chain, export as CSV. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditApiController {

    private final AuditExport export;

    AuditApiController(AuditExport export) {
        this.export = export;
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the audit hash chain and report the first break (audit administrator)")
    ChainVerification verify() {
        return export.verify();
    }

    @GetMapping("/export.csv")
    @Operation(summary = "Export the trail as CSV, filtered by time range [from, to), actor, resident and action")
    void csv(@RequestParam(required = false) @Nullable OffsetDateTime from, @RequestParam(required = false) @Nullable OffsetDateTime to,
             @RequestParam(required = false) @Nullable String actor, @RequestParam(required = false) @Nullable UUID resident,
             @RequestParam(required = false) @Nullable AuditAction action, HttpServletResponse response)
            throws IOException {
        export.requireReader();
        var query = new AuditQuery(blankToNull(actor), null, null, resident == null ? null : resident.toString(), action,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), 0, AuditExport.MAX_ROWS);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.csv(query, out);
        out.flush();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
