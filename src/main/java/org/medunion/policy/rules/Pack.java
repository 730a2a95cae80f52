package org.medunion.policy.rules;

/** The rule packs of rules.md, one per seed document (NAT: the national standard in the appendix of 002). */
public enum Pack {
    SH,
    CQ,
    NN,
    NAT,
    CN,
    /** National telemedicine rules (consultation.md, TM-1…TM-16). */
    TM
}
