/**
 * Resident index (EMPI), family-doctor teams and "1+1+1" family-doctor contracts (product.md §3).
 * The root package is the public API: typed IDs, views, commands, the {@link org.medunion.residents.ResidentsManagement}
 * facade, the {@link org.medunion.residents.ResidentAccessExtension} SPI and the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents", allowedDependencies = {"shared", "identity", "audit", "registry",
        "policy"})
@org.jspecify.annotations.NullMarked
package org.medunion.residents;
