package org.medunion.policy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.rules.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The localised texts of rules and findings (bundle {@code i18n/policy}): message keys with their arguments, and the
 * coded values and words inside evidence and arguments ({@link Texts}) rendered with the reader's labels.
 */
@Component
class PolicyMessages {

    private final MessageSource messages;

    PolicyMessages(MessageSource messages) {
        this.messages = messages;
    }

    String message(StoredFinding f) {
        return message(f.messageKey(), f.args(), f.evidence(), LocaleContextHolder.getLocale());
    }

    /** A finding message: the arguments' codes rendered first, the evidence when the bundle lacks the key. */
    String message(String key, List<String> args, @Nullable String evidence, Locale locale) {
        Object[] rendered = args.stream().map(a -> render(a, locale)).toArray();
        return Objects.requireNonNull(messages.getMessage(key, rendered, String.valueOf(render(evidence, locale)), locale),
                "a default message is given");
    }

    /** A coded text ({@link Texts}) in the reader's language; null stays null. */
    @Nullable
    String render(@Nullable String coded) {
        return render(coded, LocaleContextHolder.getLocale());
    }

    @Nullable
    String render(@Nullable String coded, Locale locale) {
        return Texts.render(coded, (key, fallback) -> messages.getMessage(key, null, fallback, locale));
    }

    String title(String ruleId) {
        return Objects.requireNonNull(messages.getMessage("policy.rule." + ruleId + ".title", null, ruleId,
                LocaleContextHolder.getLocale()), "a default message is given");
    }
}
