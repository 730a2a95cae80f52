package org.medunion.diagnostics.internal;

import java.util.Optional;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An order a centre run by the institution received for the resident (not cancelled before the centre took it) is a
 * care relationship (issue 10, 15): the centre's staff read the resident's earlier results for the order. Ordering
 * grants the orderer nothing: it needed a relationship to name the resident.
 */
@Component
class CentreOrderAccess implements ResidentAccessExtension {

    private final JdbcClient jdbc;

    CentreOrderAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CareRelationship> relationship(InstitutionId institution, ResidentId resident) {
        if (institution == null || resident == null) {
            return Optional.empty();
        }
        boolean received = jdbc.sql("""
                select count(*) from diagnostics_order o join diagnostics_centre c on c.id = o.centre_id
                 where o.resident_id = ? and c.institution_id = ? and (o.status <> 'CANCELLED' or o.received_at is not null)""")
                .params(resident.value(), institution.value()).query(Long.class).single() > 0;
        return received ? Optional.of(CareRelationship.DIAGNOSTIC_ORDER_RECEIVED) : Optional.empty();
    }
}
