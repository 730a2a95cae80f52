package org.medunion.audit.internal;

import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.AccountEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records logins, lock-outs, account changes and token revocations (等保 L3 security audit). Identity cannot call
 * the audit module (audit depends on identity), so it publishes {@link AccountEvent}s; this listener runs
 * synchronously, so a failed login is recorded even though the login itself throws.
 */
@Component
class AccountEventAuditor {

    private final AuditTrail trail;

    AccountEventAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccountEvent event) {
        trail.record(AuditAction.valueOf(event.type().name()), "Account", event.username(), null, event.detail());
    }
}
