package org.medunion.identity.web;

import java.time.Clock;
import org.medunion.identity.ApiKeys;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsoleMessages;
import org.medunion.shared.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The integrator's API keys: issue one for a hospital system (the key is shown once), see the live ones with
 * their expiry, revoke one. Changes answer with a redirect, so a reload issues nothing twice.
 */
@Controller
@ConsolePage
class ApiKeyConsoleController {

    /** Keys expiring within this many days are flagged, here and on the workbench. */
    static final int EXPIRING_DAYS = 14;

    private final ApiKeys keys;
    private final ConsoleMessages messages;
    private final Clock clock;

    ApiKeyConsoleController(ApiKeys keys, ConsoleMessages messages, Clock clock) {
        this.keys = keys;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/api-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.mine());
        model.addAttribute("soon", clock.instant());
        model.addAttribute("expiringDays", EXPIRING_DAYS);
        model.addAttribute("lifetimeDays", keys.lifetime().toDays());
        return "accounts/api-keys";
    }

    @PostMapping("/console/api-keys")
    String issue(@RequestParam(required = false) String label, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("issued", keys.issue(label));
        } catch (MedUnionException e) {
            if (e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("feedback", messages.feedback(e));
        }
        return "redirect:/console/api-keys";
    }

    @PostMapping("/console/api-keys/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes flash) {
        keys.revoke(id);
        flash.addFlashAttribute("revoked", id);
        return "redirect:/console/api-keys";
    }
}
