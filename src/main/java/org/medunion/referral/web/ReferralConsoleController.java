package org.medunion.referral.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.referral.internal.InstitutionNames;
import org.medunion.shared.Masking;
import org.medunion.shared.web.CsvExport;
import org.medunion.shared.web.ListPage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
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
    private final ConsoleSupport support;

    ReferralConsoleController(ReferralManagement referrals, CurrentUsers users, InstitutionNames names,
                              ConsoleSupport support) {
        this.referrals = referrals;
        this.users = users;
        this.names = names;
        this.support = support;
    }

    @GetMapping("/console/referrals")
    String page(@RequestParam(required = false) ReferralBox box, @RequestParam(required = false) ReferralStatus status,
                @RequestParam(defaultValue = "0") int page, Model model) {
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
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("page", Math.max(0, page));
        if (user.role() == Role.PLANNER || user.role() == Role.ADMIN || user.role() == Role.OFFICE) {
            model.addAttribute("stats", referrals.statistics(null));
        }
        return "referral/list";
    }

    /** The box's rows, one page of {@link ListPage#SIZE} cut in SQL; the pager links lead to the full page. */
    @GetMapping("/console/referrals/rows")
    String rows(@RequestParam ReferralBox box, @RequestParam(required = false) ReferralStatus status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        var slice = referrals.list(box, status, ListPage.SIZE, p * ListPage.SIZE);
        int pages = (int) Math.max(1, (slice.total() + ListPage.SIZE - 1) / ListPage.SIZE);
        if (p >= pages && slice.total() > 0) { // a page that emptied meanwhile: show the last one
            return rows(box, status, pages - 1, model);
        }
        model.addAttribute("result", new ListPage<>(slice.items(), p, pages, slice.total()));
        model.addAttribute("rows", slice.items());
        model.addAttribute("names", names.of(slice.items()));
        model.addAttribute("box", box);
        return "referral/rows :: rows";
    }

    /** The box as shown (same status filter), every page, as CSV: names and words, masked as on the page. */
    @GetMapping("/console/referrals/export.csv")
    ResponseEntity<byte[]> export(@RequestParam ReferralBox box, @RequestParam(required = false) ReferralStatus status) {
        var rows = referrals.export(box, status);
        var institutions = names.of(rows);
        List<List<String>> lines = rows.stream().map(r -> List.of(r.number(),
                support.text("referral.direction." + r.direction().name()), resident(r),
                r.diagnosisCode() + " " + r.diagnosisText(), support.text("referral.urgency." + r.urgency().name()),
                institutions.getOrDefault(r.fromInstitutionId(), ""),
                r.toInstitutionId() == null ? "" : institutions.getOrDefault(r.toInstitutionId(), ""),
                support.text("referral.status." + r.status().name()) + (r.overdue() ? " " + support.text("referral.overdue") : ""),
                ConsoleSupport.minutes(r.acceptanceDeadline()),
                ConsoleSupport.minutes(r.createdAt()))).toList();
        return CsvExport.of("referrals-" + box.name().toLowerCase(Locale.ROOT) + ".csv",
                List.of(support.text("referral.number"), support.text("referral.direction"), support.text("referral.resident"),
                        support.text("referral.diagnosis"), support.text("referral.urgency"), support.text("referral.from"),
                        support.text("referral.to"), support.text("referral.status"), support.text("referral.deadline"),
                        support.text("referral.created")),
                lines);
    }

    /** The resident as the list shows them: the name, else the masked ID number, else withheld. */
    private String resident(ReferralView r) {
        if (r.residentName() != null) {
            return r.residentName();
        }
        String masked = Masking.residentId(r.residentIdNumber());
        return masked != null ? masked : support.text("referral.residentWithheld");
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
