package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.policy.bench.PolicyEvaluationBench;

/**
 * Issue 13 item 8 / issue 18: no finding text names a raw code. Every rule's findings over the synthetic city (all packs
 * everywhere) are rendered as the console, API and Excel render them — message bundle with arguments, evidence with
 * its coded values as labels — in zh-CN and en; the text must name no enum constant and leave no key unresolved.
 */
class RawCodesTest {

    /** The console crawler's raw-code pattern (ConsoleCrawlerTest.RAW) and the bare words the old evidence used. */
    static final Pattern RAW = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]{2,})+\\b");

    static final Pattern OLD_WORDS = Pattern.compile(
            "\\b(charter|managementOffice|qualityControlGroup|signedOn|benefitSharing|responsibilities|CHARTER|LEAD|CREATION|DISSOLUTION"
                    + "|ATTENDING|PRESIDENT|MUNICIPAL|DISTRICT|TERTIARY|SECONDARY|PRIMARY|REGIONAL|OFFICE|RMC)\\b");

    static Properties labels(String suffix) throws Exception {
        var p = new Properties();
        p.putAll(MessageKeysTest.bundle("console" + suffix));
        p.putAll(MessageKeysTest.bundle("registry" + suffix));
        p.putAll(MessageKeysTest.bundle("policy" + suffix));
        return p;
    }

    static @Nullable String render(Properties bundle, String coded, Set<String> unresolved) {
        return Texts.render(coded, (key, fallback) -> {
            String v = bundle.getProperty(key);
            if (v == null) {
                unresolved.add(key);
                return fallback;
            }
            return v;
        });
    }

    static List<String> texts(Properties bundle, Locale locale, List<Finding> findings, Set<String> unresolved) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            Object[] args = f.args().stream().map(a -> render(bundle, a, unresolved)).toArray();
            String pattern = bundle.getProperty(f.messageKey());
            assertThat(pattern).as(f.messageKey()).isNotNull();
            out.add(f.ruleId() + " message: " + new MessageFormat(pattern, locale).format(args));
            out.add(f.ruleId() + " evidence: " + render(bundle, f.evidence(), unresolved));
        }
        return out;
    }

    static List<Finding> everyRuleOnTheSyntheticCity() {
        Map<Pack, Set<String>> packs = new EnumMap<>(Pack.class);
        for (Pack p : Pack.values()) {
            packs.put(p, Set.of("310000"));
        }
        var city = PolicyEvaluationBench.build(new java.util.Random(7));
        return new RuleEngine(new RuleCatalogue()).evaluate(city.snapshot(packs), Parameters.defaults());
    }

    @Test
    void rawCodes_noFindingMessageOrEvidenceNamesAnEnumCode_zhCnAndEn() throws Exception {
        List<Finding> findings = everyRuleOnTheSyntheticCity();
        Set<String> rules = new TreeSet<>();
        findings.forEach(f -> rules.add(f.ruleId()));
        assertThat(rules).as("rules with findings on the synthetic city").hasSizeGreaterThan(30);
        for (var lang : List.of(Map.entry("", Locale.SIMPLIFIED_CHINESE), Map.entry("_en", Locale.ENGLISH))) {
            Set<String> unresolved = new TreeSet<>();
            List<String> texts = texts(labels(lang.getKey()), lang.getValue(), findings, unresolved);
            assertThat(unresolved).as("keys without a label in bundle '%s'", lang.getKey()).isEmpty();
            assertThat(texts).as(lang.getKey()).allSatisfy(t -> {
                assertThat(RAW.matcher(t).find()).as(t).isFalse();
                assertThat(OLD_WORDS.matcher(t.substring(t.indexOf(':') + 1)).find()).as(t).isFalse();
                assertThat(t).as(t).doesNotContain("⟦", "⟧", "[PRESIDENT", "null");
            });
        }
    }

    /** The codes stay available as data: CQ-1's form is a key in the arguments, rendered as the label. */
    @Test
    void rawCodes_CQ1_formIsACodedValueRenderedAsItsLabel() throws Exception {
        String arg = Texts.of(org.medunion.registry.ConsortiumForm.TELEMEDICINE_NETWORK);
        assertThat(Texts.keys(arg)).containsExactly("enum.ConsortiumForm.TELEMEDICINE_NETWORK");
        Set<String> unresolved = new TreeSet<>();
        assertThat(render(labels(""), arg, unresolved)).isEqualTo("远程医疗协作网");
        assertThat(render(labels("_en"), arg, unresolved)).isEqualTo("Telemedicine network");
        assertThat(Texts.render(Texts.term("source.XX-1", "indicator I-99"), (k, fb) -> fb)).isEqualTo("indicator I-99");
        assertThat(unresolved).isEmpty();
    }
}
