package org.medunion.referral.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.internal.InstitutionNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages of the referral workflow: the GP's outbox, the specialist's inbox, the referral desk's
 * queue (overdue first) and a resident's referral timeline. The lists are htmx fragments polled every
 * 10 seconds, so the referrer sees status changes without refreshing. A referral's own page with its
 * actions is org.medunion.web.ReferralDetailController.
 */
@Controller
@org.medunion.shared.web.ConsolePage
class ReferralConsoleController {

    private final ReferralManagement referrals;
    private final CurrentUsers users;
    private final InstitutionNames names;

    private final DateTimeFormatter fmt;

    ReferralConsoleController(ReferralManagement referrals, CurrentUsers users, InstitutionNames names, Clock clock) {
        this.referrals = referrals;
        this.users = users;
        this.names = names;
        this.fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    @org.springframework.web.bind.annotation.ModelAttribute("fmt")
    DateTimeFormatter fmt() {
        return fmt;
    }

    @GetMapping("/console/referrals")
    String page(@RequestParam(required = false) ReferralBox box, @RequestParam(required = false) ReferralStatus status, Model model) {
        var user = users.require();
        List<ReferralBox> boxes = switch (user.role()) {
            case OFFICE -> List.of(ReferralBox.DESK);
            case GP -> List.of(ReferralBox.OUTBOX, ReferralBox.INBOX);
            case SPECIALIST -> List.of(ReferralBox.INBOX, ReferralBox.OUTBOX);
            case ADMIN, INTEGRATOR -> List.of(ReferralBox.DESK, ReferralBox.INBOX, ReferralBox.OUTBOX);
            default -> List.of();
        };
        model.addAttribute("boxes", boxes);
        model.addAttribute("box", box != null && boxes.contains(box) ? box : boxes.isEmpty() ? null : boxes.get(0));
        model.addAttribute("status", status); // a workbench count links to its filtered list
        if (user.role() == Role.PLANNER || user.role() == Role.ADMIN || user.role() == Role.OFFICE) {
            model.addAttribute("stats", referrals.statistics(null));
        }
        return "referral/list";
    }

    @GetMapping("/console/referrals/rows")
    String rows(@RequestParam ReferralBox box, @RequestParam(required = false) ReferralStatus status, Model model) {
        var rows = referrals.list(box, status, 100);
        model.addAttribute("rows", rows);
        model.addAttribute("names", names.of(rows));
        model.addAttribute("box", box);
        return "referral/rows :: rows";
    }

    @GetMapping("/console/referrals/resident/{residentId}")
    String resident(@PathVariable UUID residentId, Model model) {
        var list = referrals.ofResident(residentId);
        model.addAttribute("residentId", residentId);
        model.addAttribute("referrals", list);
        model.addAttribute("timelines", list.stream().map(r -> referrals.timeline(r.id())).toList());
        return "referral/resident";
    }
}
