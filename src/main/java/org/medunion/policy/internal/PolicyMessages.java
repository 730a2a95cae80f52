package org.medunion.policy.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The localised texts of rules and findings (bundle {@code i18n/policy}). */
@Component
class PolicyMessages {

    private final MessageSource messages;

    PolicyMessages(MessageSource messages) {
        this.messages = messages;
    }

    String message(StoredFinding f) {
        return messages.getMessage(f.messageKey(), f.args().toArray(), f.evidence(), LocaleContextHolder.getLocale());
    }

    String title(String ruleId) {
        return messages.getMessage("policy.rule." + ruleId + ".title", null, ruleId, LocaleContextHolder.getLocale());
    }
}
