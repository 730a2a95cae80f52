package org.medunion.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.medunion.identity.Role;
import org.medunion.referral.FollowUpView;
import org.medunion.referral.MarkFollowUpDone;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.MedUnionException;
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
@Controller("consoleFollowUpController")
class FollowUpConsoleController {

    private final ReferralManagement referrals;
    private final RegistryManagement registry;
    private final ConsoleSupport support;

    FollowUpConsoleController(ReferralManagement referrals, RegistryManagement registry, ConsoleSupport support) {
        this.referrals = referrals;
        this.registry = registry;
        this.support = support;
    }

    @GetMapping("/console/referrals/follow-ups")
    String list(Model model) {
        support.requireRole(Role.GP, Role.OFFICE, Role.ADMIN, Role.INTEGRATOR);
        model.addAttribute("tasks", referrals.openFollowUps(200));
        model.addAttribute("names", names());
        return "referral/follow-ups";
    }

    @PostMapping("/console/referrals/follow-ups/{referralId}/{taskId}/done")
    String done(@PathVariable UUID referralId, @PathVariable UUID taskId, @RequestParam(required = false) String note,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                HttpServletResponse response) {
        try {
            FollowUpView f = referrals.markFollowUpDone(new ReferralId(referralId), taskId, new MarkFollowUpDone(note));
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
        model.addAttribute("names", names());
        return "referral/follow-ups :: result";
    }

    private Map<UUID, String> names() {
        var m = new HashMap<UUID, String>();
        registry.allInstitutionsUnscoped().forEach(i -> m.put(i.id().value(), i.name()));
        return m;
    }
}
