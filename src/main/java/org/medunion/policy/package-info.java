/**
 * Policy: jurisdiction rule packs (SH, CQ, NN, NAT, CN of rules.md) evaluated over the registry on demand
 * and on every change; blocking rules guard registry changes ({@code RegistryChangeGuard}); findings are
 * kept with the dates they appeared and disappeared; parameter overrides and blocked-change overrides are
 * recorded with a reason. Public API: {@link org.medunion.policy.LongPrescriptionPolicy} (CQ-5),
 * {@link org.medunion.policy.PlaqueNames} (CQ-3) and the {@link org.medunion.policy.ReleaseRatioSource}
 * extension point (NN-4) the scheduling module can implement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy", allowedDependencies = {"shared", "identity", "audit", "registry",
        "registry :: unscoped", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.policy;
