/**
 * Shared diagnostic centres and mutual recognition of results (检查检验结果互认, issue 15, diagnostics.md): the item
 * catalogue and recognised-item lists per jurisdiction with validity windows, member code mapping, shared centres
 * with turnaround targets and QC records (SC-1, SC-2, SC-8), reports with observations and study references,
 * recognition at order entry (NAT-R-1..12) with the clinician's decision and the avoided cost (I-25), and orders
 * to a centre with turnaround clocks and critical-result acknowledgement (SC-5); an imaging order books an exam slot of
 * the institution running the centre through scheduling (SC-4 reserved share, SC-6 priority; for a referred resident as
 * the accepted referral books).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Diagnostics", allowedDependencies = {"shared", "identity", "audit",
        "registry", "residents", "policy", "scheduling", "referral", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.diagnostics;
