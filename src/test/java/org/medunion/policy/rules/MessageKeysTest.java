package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.medunion.policy.bench.PolicyEvaluationBench;

/** Every finding any rule produces over the synthetic city has its message in the zh-CN and en bundles; every rule a title. */
class MessageKeysTest {

    static Properties bundle(String name) throws Exception {
        var p = new Properties();
        try (var in = MessageKeysTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyFindingMessageAndRuleTitleIsInBothBundles() throws Exception {
        var zh = bundle("policy");
        var en = bundle("policy_en");
        Map<Pack, Set<String>> packs = new EnumMap<>(Pack.class);
        for (Pack p : Pack.values()) {
            packs.put(p, Set.of("310000"));
        }
        var city = PolicyEvaluationBench.build(new java.util.Random(7));
        var findings = new RuleEngine(new RuleCatalogue()).evaluate(city.snapshot(packs), Parameters.defaults());
        Set<String> keys = new TreeSet<>();
        findings.forEach(f -> keys.add(f.messageKey()));
        var catalogue = new RuleCatalogue();
        catalogue.rules().forEach(r -> keys.add("policy.rule." + r.id() + ".title"));
        assertThat(keys).hasSizeGreaterThan(60);
        assertThat(keys).allSatisfy(k -> {
            assertThat(zh.getProperty(k)).as(k).isNotBlank();
            assertThat(en.getProperty(k)).as(k).isNotBlank();
        });
        assertThat(bundle("policy_zh_CN")).isEqualTo(zh);
    }

    /** The findings made from the referral module's data and the 422 hints (the synthetic city has no referrals). */
    @Test
    void referralEvidenceFindingsAndViolationHintsAreInBothBundles() throws Exception {
        var zh = bundle("policy");
        var en = bundle("policy_en");
        for (String k : List.of("policy.finding.SH-15.priority", "policy.finding.SH-15.routing", "policy.finding.CQ-6.priority",
                "policy.finding.CN-1.platform", "policy.finding.CN-3.zones", "policy.finding.CN-3.unmapped", "policy.finding.CN-3.routing",
                "policy.finding.CN-3.patrol", "policy.finding.TM-13.uncharged",
                "policy.finding.CN-4.regional", "policy.finding.CN-4.routing", "policy.violation.from", "policy.violation.overridable")) {
            assertThat(zh.getProperty(k)).as(k).isNotBlank();
            assertThat(en.getProperty(k)).as(k).isNotBlank();
        }
    }
}
