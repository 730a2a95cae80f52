package org.medunion.residents;

import java.util.Optional;
import org.medunion.registry.InstitutionId;

/**
 * SPI: another module answers whether it holds a care relationship between an institution and a resident —
 * the referral module for referrals the institution received, scheduling for bookings at it. Implementations are
 * Spring beans; the residents module asks them after its own relationships (contract, own record, break-the-glass).
 */
public interface ResidentAccessExtension {

    Optional<CareRelationship> relationship(InstitutionId institution, ResidentId resident);
}
