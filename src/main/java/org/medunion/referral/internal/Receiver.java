package org.medunion.referral.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.DestinationType;

/**
 * Where the referral goes: the receiving institution and department (or the consortium's desk), the consortium
 * and contract it runs under, the downward destination type and the routing findings (comma-separated codes,
 * null when none). A redirect replaces the institution, department and findings.
 */
record Receiver(@Nullable UUID institutionId, @Nullable String department, boolean toDesk, @Nullable UUID consortiumId,
                @Nullable UUID contractId, @Nullable DestinationType destinationType, @Nullable String routingFinding) {

    Receiver redirectedTo(UUID institution, @Nullable String newDepartment, @Nullable String findings) {
        return new Receiver(institution, newDepartment, false, consortiumId, contractId, destinationType, findings);
    }
}
