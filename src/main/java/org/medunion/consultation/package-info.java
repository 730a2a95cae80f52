/**
 * Consultation (远程会诊 / 院际会诊 / MDT / 联合门诊 / 远程查房, spec consultation.md): an inviting institution asks
 * an invited institution or a named expert for an opinion on one of its residents, gated by rule pack TM
 * (agreement, consent, content, qualification), with deadlines and escalation, a conversation between the two
 * sides, a signed opinion acknowledged by the inviting side, and conversion into a referral when authorised.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation", allowedDependencies = {"shared", "identity",
        "audit", "registry", "residents", "policy", "referral", "diagnostics", "scheduling", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.consultation;
