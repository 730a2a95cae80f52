package org.medunion.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** The audit page's words for what modules wrote, from the real bundles. */
class AuditDisplayTest {

    AuditDisplay display;

    @BeforeEach
    void bundles() {
        var messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames("classpath:messages", "classpath:i18n/console", "classpath:i18n/scheduling",
                "classpath:i18n/consultation", "classpath:i18n/referral", "classpath:i18n/pharmacy");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        display = new AuditDisplay(messages);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void codesInADetailBecomeWordsAndUuidsAreShortened() {
        String detail = display.detail("slot=4e631243-a4a1-4d7e-b330-57f4a5c9387b pool=PRIMARY_CARE_RESERVED priority=PRIORITY_VISIT");
        assertThat(detail).startsWith("slot=4e631243… pool=").doesNotContain("PRIMARY_CARE_RESERVED").doesNotContain("PRIORITY_VISIT")
                .doesNotContain("a4a1-4d7e");
        assertThat(display.detail("relationship CONTRACT_TEAM")).isEqualTo("relationship 签约团队");
        assertThat(display.detail("UNKNOWN_CODE stays")).as("a code without words stays visible").isEqualTo("UNKNOWN_CODE stays");
        assertThat(display.detail(null)).isEmpty();
    }

    @Test
    void objectTypesAndPurposesInWords() {
        assertThat(display.objectType("WorkLog")).isEqualTo("工作日志");
        assertThat(display.objectType("Unlisted")).isEqualTo("Unlisted");
        assertThat(display.purpose("TREATMENT")).isEqualTo("诊疗");
        assertThat(display.objectTypes()).extracting(e -> e.getValue()).doesNotContain("Institution").contains("机构");
    }
}
