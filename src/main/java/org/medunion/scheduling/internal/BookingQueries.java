package org.medunion.scheduling.internal;

import static org.medunion.scheduling.internal.SchedulingInput.require;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.internal.SchedulingAccess.Caller;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/** Reading bookings: each read names a resident, so each is scoped to a care relationship and audited. */
@Component
class BookingQueries {

    private static final int MAX_LIMIT = 500;

    private final SchedulingStore store;
    private final SchedulingAccess access;
    private final ResidentsManagement residents;
    private final AuditTrail audit;

    BookingQueries(SchedulingStore store, SchedulingAccess access, ResidentsManagement residents, AuditTrail audit) {
        this.store = store;
        this.access = access;
        this.residents = residents;
        this.audit = audit;
    }

    Optional<BookingView> booking(BookingId id) {
        Caller c = access.caller();
        // beyond those who booked or manage it: whoever has a care relationship with the resident (issue 10)
        var b = store.booking(id).filter(v -> access.mayChange(c, v) || residents.callerRelationship(v.residentId()).isPresent());
        b.ifPresent(v -> audit.record(AuditAction.READ, "Booking", id.toString(), v.residentId().toString(), null));
        return b;
    }

    List<BookingView> bookingsOf(ResidentId residentId, ChangeWindow changed) {
        Caller c = access.caller();
        require(residentId, "resident");
        List<BookingView> all = store.bookingsOfResident(residentId, changed);
        List<BookingView> visible;
        if (c.isAdmin()) {
            visible = all;
        } else if (c.role() == Role.INTEGRATOR) {
            visible = residents.callerRelationship(residentId).isPresent() ? all : List.of();
        } else if (c.institution() != null) {
            boolean contracted = residents.isContractedWith(residentId, c.institution());
            visible = contracted ? all : all.stream().filter(b -> c.institution().equals(b.bookedByInstitution())
                    || c.institution().equals(b.institutionId())).toList();
        } else if (c.scopeType() == ScopeType.CONSORTIUM) {
            // a consortium-scoped caller sees the consortium's members, never "every institution"
            Set<UUID> members = Objects.requireNonNull(access.visibleInstitutions(c), "consortium members");
            visible = all.stream().filter(b -> members.contains(b.institutionId().value())).toList();
        } else {
            throw new ForbiddenException(SchedulingError.ROLE_MAY_NOT_BOOK, c.role());
        }
        audit.record(AuditAction.SEARCH, "Booking", null, residentId.toString(), "bookings=" + visible.size());
        return visible;
    }

    List<BookingView> bookingsOfSlot(SlotId slot, ChangeWindow changed) {
        Caller c = access.caller();
        require(slot, "slot");
        var out = store.bookingsOfSlot(slot, changed).stream().filter(b -> access.mayChange(c, b) || c.role() == Role.INTEGRATOR
                && residents.callerRelationship(b.residentId()).isPresent()).toList();
        out.forEach(b -> audit.record(AuditAction.READ, "Booking", b.id().toString(), b.residentId().toString(), "by slot"));
        return out;
    }

    List<BookingView> bookingsOfInstitution(InstitutionId institution, int limit) {
        Caller c = access.caller();
        require(institution, "institution");
        if (!access.mayManage(c, institution) && !institution.equals(c.institution())) {
            throw new ForbiddenException(SchedulingError.INSTITUTION_OUT_OF_SCOPE, institution);
        }
        var out = store.bookingsOfInstitution(institution.value(), Math.max(1, Math.min(limit, MAX_LIMIT)));
        audit.record(AuditAction.SEARCH, "Booking", null, null, "institution=" + institution + " bookings=" + out.size());
        return out;
    }
}
