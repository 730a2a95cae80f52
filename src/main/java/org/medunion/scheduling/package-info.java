/**
 * Scheduling and resource pools (product.md §4): lead hospitals' schedules of outpatient slots, inpatient
 * beds and exam slots, the share reserved for primary care (NN-4) and its release to the public pool,
 * atomic booking with priority for contracted residents (CQ-6, SH-15), cancellation, no-show, and the
 * release ratios behind indicators I-8 and I-9.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling", allowedDependencies = {"shared", "identity", "audit",
        "registry", "residents", "policy", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.scheduling;
