package org.medunion.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which district a finding counts for on the planner's workbench chart. */
class PolicyWorkbenchDistrictTest {

    @Test
    void streetsAndGridsCountForTheirDistrict_theCityAndUnplacedOnesForTheJurisdiction() {
        assertThat(PolicyWorkbench.district("310105", "310000")).isEqualTo("310105");
        assertThat(PolicyWorkbench.district("310105002000", "310000")).as("a street of 长宁区").isEqualTo("310105");
        assertThat(PolicyWorkbench.district("310000", "310000")).isEqualTo("310000");
        assertThat(PolicyWorkbench.district("310100", "310000")).as("the city's districts as a whole").isEqualTo("310000");
        assertThat(PolicyWorkbench.district(null, "310105")).isEqualTo("310105");
        assertThat(PolicyWorkbench.district("31", "310105")).isEqualTo("310105");
    }
}
