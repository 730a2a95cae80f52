package org.medunion.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.policy.PolicyThresholds;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 13 item 7 (one source of truth): the FHIR rule code system restates no rule number — NN-4's shares and NN-5's
 * minimum are the values the policy module publishes.
 */
class RuleCodeSystemTest {

    /** A policy module publishing other numbers than the seed's, to see which the code system shows. */
    static final PolicyThresholds POLICY = new PolicyThresholds() {

        @Override
        public Threshold threshold(String ruleId, String parameter, @Nullable String divisionCode) {
            return new Threshold(ruleId, parameter, ruleId + ":" + parameter, false);
        }

        @Override
        public String clause(String ruleId) {
            return ruleId;
        }
    };

    @Test
    void NN4_NN5_ruleTextsReadTheirNumbersFromPolicy() throws Exception {
        var props = new Properties();
        try (var in = getClass().getResourceAsStream("/fhir/rule-codes.properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(props.getProperty("NN-4")).doesNotContain("1/3", "1/4").contains("{slots}", "{beds}");
        assertThat(props.getProperty("NN-5")).contains("{min}");
        var terminology = new Terminology(new FhirMessages(new StaticMessageSource()), new MockEnvironment(), POLICY);
        var rules = terminology.codeSystem("rule").orElseThrow();
        String nn4 = rules.getConcept().stream().filter(c -> c.getCode().equals("NN-4")).findFirst().orElseThrow().getDisplay();
        String nn5 = rules.getConcept().stream().filter(c -> c.getCode().equals("NN-5")).findFirst().orElseThrow().getDisplay();
        assertThat(nn4).contains("{NN-4:slots}", "{NN-4:beds}");
        assertThat(nn5).contains("{NN-5:min}");
    }
}
