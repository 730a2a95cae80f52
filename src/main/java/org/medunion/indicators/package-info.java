/**
 * Indicators (指标, issue 17): encounter facts ingested from member HIS (visits, admissions and discharges with
 * length of stay, operations by level, DRG weight), rolled up per institution per day as they arrive, and the
 * indicators I-1, I-4, I-5, I-6 and I-7 per institution, consortium and district per month, quarter and year, with
 * the NN-9 targets of the jurisdiction's pack beside them; and the pharmacy indicators I-14 and I-26…I-31 from the
 * pharmacy module's prescription counts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators", allowedDependencies = {"shared", "identity", "audit",
        "registry", "residents", "policy", "pharmacy", "referral", "diagnostics", "scheduling", "consultation", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.indicators;
