/**
 * Two-way referral (双向转诊, product.md §5): upward, downward and lateral referrals with criteria,
 * the referral desk, acceptance deadlines with escalation, priority booking for contracted residents
 * (SH-15, CQ-6), closed-loop feedback, downward care plans, and CN-3 / CN-4 routing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral", allowedDependencies = {"shared", "identity", "audit", "registry",
        "residents", "scheduling", "policy",
        "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.referral;
