package org.medunion.audit.web;

import static org.medunion.shared.web.FormValues.blankToNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditExport;
import org.medunion.audit.AuditTrail;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for the audit administrator (S-2, 等保 L3 安全审计): newest events first, filtered by time range
 * (days in Asia/Shanghai), actor, resident, action and object type, paged; CSV export and chain verification.
 */
@Controller
@ConsolePage
class AuditConsoleController {

    static final int LIMIT = 50;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuditTrail audit;
    private final AuditExport export;

    AuditConsoleController(AuditTrail audit, AuditExport export) {
        this.audit = audit;
        this.export = export;
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(required = false) @Nullable String actor, @RequestParam(required = false) @Nullable String objectType,
                 @RequestParam(required = false) @Nullable String resident, @RequestParam(required = false) @Nullable String action,
                 @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
                 @RequestParam(defaultValue = "0") int page,
                 @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        export.requireReader();
        int p = Math.max(0, Math.min(page, 10_000));
        var query = query(actor, objectType, resident, action, from, to, p * LIMIT, LIMIT);
        long total = audit.count(query);
        model.addAttribute("events", audit.search(query));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + LIMIT - 1) / LIMIT));
        model.addAttribute("actor", blankToNull(actor));
        model.addAttribute("objectType", blankToNull(objectType));
        model.addAttribute("resident", blankToNull(resident));
        model.addAttribute("action", query.action());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", AuditAction.values());
        return htmx != null ? "audit :: results" : "audit";
    }

    @GetMapping("/console/audit/export.csv")
    void csv(@RequestParam(required = false) @Nullable String actor, @RequestParam(required = false) @Nullable String objectType,
             @RequestParam(required = false) @Nullable String resident, @RequestParam(required = false) @Nullable String action,
             @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
             HttpServletResponse response)
            throws IOException {
        export.requireReader();
        var query = query(actor, objectType, resident, action, from, to, 0, AuditExport.MAX_ROWS);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.csv(query, out);
        out.flush();
    }

    @PostMapping("/console/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", export.verify());
        return "audit :: verification";
    }

    private static AuditQuery query(@Nullable String actor, @Nullable String objectType, @Nullable String resident,
                                    @Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to, int offset,
                                    int limit) {
        Instant start = from == null ? null : from.atStartOfDay(ZONE).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant();
        return new AuditQuery(blankToNull(actor), blankToNull(objectType), null, residentRef(resident), action(action),
                start, end, offset, limit);
    }

    private static @Nullable String residentRef(@Nullable String resident) {
        String r = blankToNull(resident);
        if (r == null) {
            return null;
        }
        try {
            return UUID.fromString(r).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("resident", "request.wrongType", r.length() > 40 ? r.substring(0, 40) : r, "UUID");
        }
    }

    private static @Nullable AuditAction action(@Nullable String action) {
        String a = blankToNull(action);
        if (a == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(a);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "request.unknownValue", a.length() > 40 ? a.substring(0, 40) : a, "");
        }
    }
}
