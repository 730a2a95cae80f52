package org.medunion.fhir.internal;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The fhir module's bundle ({@code i18n/fhir}: code-system displays and FHIR-specific errors) in front of
 * the application's message source. Deliberately not a {@link MessageSource} bean, so the application
 * keeps exactly one.
 */
@Component
class FhirMessages {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    FhirMessages(MessageSource application) {
        source.setBasename("i18n/fhir");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setParentMessageSource(application);
    }

    String get(String key, Locale locale, Object... args) {
        return Objects.requireNonNullElse(source.getMessage(key, args, key, locale), key);
    }

    /** Like {@link #get} but null when the key is missing. */
    @Nullable
    String find(String key, Locale locale) {
        return source.getMessage(key, null, null, locale);
    }
}
