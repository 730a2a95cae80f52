package org.medunion.policy.rules;

/**
 * The rule packs of rules.md, one per seed document (NAT: the national standard in the appendix of 002); NATR: the
 * national and provincial rules of result recognition (diagnostics.md NAT-R), SC: shared diagnostic centres; RX, the
 * national prescription rules of pharmacy.md.
 */
public enum Pack {

    SH,
    CQ,
    NN,
    NAT,
    CN,
    NATR,
    SC,
    RX,
    /** National telemedicine rules (consultation.md, TM-1…TM-16). */
    TM;

    /**
     * Whether the pack binds every division whether or not a jurisdiction lists it: the national prescription rules
     * (decision 0120). The other packs apply where a jurisdiction lists them (TM and NAT are listed by default, and a
     * planner may drop them).
     */
    public boolean bindsEveryDivision() {
        return this == RX;
    }
}
