package org.medunion.referral.internal;

import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.web.console.WorkbenchFigures;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The referral webhooks' health on the integrator's and administrator's workbench: each receiver's last
 * delivery and failure, and the deliveries still pending. No resident data.
 */
@Component
class WebhookWorkbench implements WorkbenchFigures {

    private final ReferralSettings settings;
    private final WebhookHealth health;

    WebhookWorkbench(ReferralSettings settings, WebhookHealth health) {
        this.settings = settings;
        this.health = health;
    }

    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() != Role.INTEGRATOR && me.role() != Role.ADMIN) {
            return;
        }
        model.addAttribute("webhookReceivers", health.receivers(settings.webhooks()));
        model.addAttribute("webhookPending", health.pending());
    }
}
