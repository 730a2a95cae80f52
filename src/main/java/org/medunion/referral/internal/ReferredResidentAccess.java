package org.medunion.referral.internal;

import java.util.Optional;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A referral the institution RECEIVED (submitted, so never a draft) is a care relationship with the resident
 * (product.md §11, issue 10). Creating or sending a referral grants nothing: the sender needed a relationship to
 * name the resident in the first place (ReferenceCheck).
 */
@Component
class ReferredResidentAccess implements ResidentAccessExtension {

    private final JdbcClient jdbc;

    ReferredResidentAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CareRelationship> relationship(InstitutionId institution, ResidentId resident) {
        if (institution == null || resident == null) {
            return Optional.empty();
        }
        boolean received = jdbc.sql("""
                select count(*) from referral_referral where resident_id = ? and to_institution_id = ?
                   and status <> 'DRAFT' and submitted_at is not null""")
                .params(resident.value(), institution.value()).query(Long.class).single() > 0;
        return received ? Optional.of(CareRelationship.REFERRAL_RECEIVED) : Optional.empty();
    }
}
