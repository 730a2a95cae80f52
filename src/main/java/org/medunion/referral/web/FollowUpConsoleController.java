package org.medunion.referral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.medunion.identity.Role;
import org.medunion.referral.FollowUpView;
import org.medunion.referral.MarkFollowUpDone;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The follow-up tasks (随访任务) the family doctor's institution received with downward referrals, earliest due
 * first (overdue in red), each marked done in place with a note (htmx swaps the row).
 */
@Controller
@ConsolePage
class FollowUpConsoleController {

    private final ReferralManagement referrals;
    private final ConsoleSupport support;

    FollowUpConsoleController(ReferralManagement referrals, ConsoleSupport support) {
        this.referrals = referrals;
        this.support = support;
    }

    @GetMapping("/console/referrals/follow-ups")
    String list(Model model) {
        support.requireRole(Role.GP, Role.OFFICE, Role.ADMIN, Role.INTEGRATOR);
        var tasks = referrals.openFollowUps(200);
        model.addAttribute("tasks", tasks);
        model.addAttribute("names", support.institutionNames(tasks.stream().map(FollowUpView::fromInstitutionId).toList()));
        return "referral/follow-ups";
    }

    @PostMapping("/console/referrals/follow-ups/{referralId}/{taskId}/done")
    String done(@PathVariable UUID referralId, @PathVariable UUID taskId, @RequestParam(required = false) String note,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                HttpServletResponse response) {
        FollowUpView f = null;
        try {
            f = referrals.markFollowUpDone(new ReferralId(referralId), taskId, new MarkFollowUpDone(note));
            if (htmx == null) {
                return "redirect:/console/referrals/follow-ups?done";
            }
            model.addAttribute("f", f);
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404 || htmx == null) {
                throw e;
            }
            // htmx swaps only 2xx answers: the row comes back with the message
            model.addAttribute("error", support.message(e));
            model.addAttribute("f", null);
            model.addAttribute("referralId", referralId);
            model.addAttribute("taskId", taskId);
        }
        model.addAttribute("names", support.institutionNames(f == null ? List.of() : List.of(f.fromInstitutionId())));
        return "referral/follow-ups :: result";
    }

}
