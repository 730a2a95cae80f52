package org.medunion.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import org.medunion.audit.internal.AuditAlerts;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.web.console.WorkbenchFigures;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The audit administrator's card (三员: only they read the trail): the last day's failed logins, lock-outs and denied
 * requests, each linking to the trail filtered to them, and any audit row that could not be written since start.
 */
@Component
class AuditWorkbench implements WorkbenchFigures {

    private final AuditAlerts alerts;
    private final Clock clock;

    AuditWorkbench(AuditAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() != Role.AUDITOR) {
            return;
        }
        model.addAttribute("auditAlerts", alerts.summary());
        // the trail's date filter is by Beijing day: "since yesterday" covers the 24-hour window
        model.addAttribute("auditAlertsFrom", LocalDate.now(clock).minusDays(1));
    }
}
