package org.medunion.web;

import static org.medunion.web.ConsoleSupport.blankToNull;

import org.medunion.audit.AuditTrail;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators (S-2): newest events first, filtered by actor and object type. */
@Controller("consoleAuditController")
class AuditController {

    static final int LIMIT = 200;

    private final AuditTrail audit;
    private final ConsoleSupport support;

    AuditController(AuditTrail audit, ConsoleSupport support) {
        this.audit = audit;
        this.support = support;
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        support.requireRole(Role.ADMIN);
        var query = new AuditQuery(blankToNull(actor), blankToNull(objectType), null, null, LIMIT);
        model.addAttribute("events", audit.search(query));
        model.addAttribute("total", audit.count(query));
        model.addAttribute("actor", blankToNull(actor));
        model.addAttribute("objectType", blankToNull(objectType));
        return htmx != null ? "audit :: results" : "audit";
    }
}
