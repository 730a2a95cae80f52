package org.medunion.scheduling.internal;

import java.util.Optional;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A booking at the institution (not cancelled) is a care relationship with the resident (issue 10). Booking
 * itself needs a relationship first (SlotBooking), so naming a resident in a booking grants nothing new.
 */
@Component
class BookedResidentAccess implements ResidentAccessExtension {

    private final JdbcClient jdbc;

    BookedResidentAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CareRelationship> relationship(InstitutionId institution, ResidentId resident) {
        if (institution == null || resident == null) {
            return Optional.empty();
        }
        boolean booked = jdbc.sql("""
                select count(*) from scheduling_booking b join scheduling_slot s on s.id = b.slot_id
                 where b.resident_id = ? and s.institution_id = ? and b.status <> 'CANCELLED'""")
                .params(resident.value(), institution.value()).query(Long.class).single() > 0;
        return booked ? Optional.of(CareRelationship.BOOKING) : Optional.empty();
    }
}
