package org.medunion.scheduling.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipView;
import org.medunion.registry.RegistryManagement;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.SchedulingError;
import org.medunion.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in scheduling. A hospital's SPECIALIST or OFFICE account manages and sees its own
 * institution's schedules only; a consortium OFFICE those of its members; a GP sees the schedules of the
 * consortia their institution belongs to; planners, integrators and administrators see all.
 */
@Component
public class SchedulingAccess {

    private final CurrentUsers users;
    private final RegistryManagement registry;

    SchedulingAccess(CurrentUsers users, RegistryManagement registry) {
        this.users = users;
        this.registry = registry;
    }

    /** The caller as scheduling sees it. */
    public record Caller(String username, Role role, ScopeType scopeType, @Nullable UUID scopeRef) {

        /** The caller's institution, null unless institution-scoped. */
        public @Nullable InstitutionId institution() {
            return scopeType == ScopeType.INSTITUTION && scopeRef != null ? new InstitutionId(scopeRef) : null;
        }

        /** The consortium or institution a scoped caller works in; such an account always names one. */
        UUID requiredScopeRef() {
            if (scopeRef == null) {
                throw new IllegalStateException("a " + scopeType + " scope without its reference");
            }
            return scopeRef;
        }

        /** A GP at a primary institution: may use reserved capacity (NN-4). */
        boolean primaryCare() {
            return role == Role.GP && institution() != null;
        }

        boolean isAdmin() {
            return role == Role.ADMIN;
        }
    }

    public Caller caller() {
        CurrentUser u = users.require();
        UUID ref = null;
        if (u.scope().type() == ScopeType.INSTITUTION || u.scope().type() == ScopeType.CONSORTIUM) {
            ref = u.scope().referenceId();
        }
        return new Caller(u.username(), u.role(), u.scope().type(), ref);
    }

    /** A hospital account (or the consortium office, or an administrator) managing an institution's schedules. */
    void requireManage(Caller c, InstitutionId institution) {
        if (!mayManage(c, institution)) {
            throw new ForbiddenException(SchedulingError.INSTITUTION_OUT_OF_SCOPE, institution);
        }
    }

    /** Who may cancel or read a booking: whoever booked it, their institution, or its hospital's managers. */
    boolean mayChange(Caller c, BookingView b) {
        return c.isAdmin() || c.username().equals(b.bookedBy())
                || (c.institution() != null && c.institution().equals(b.bookedByInstitution()))
                || mayManage(c, b.institutionId());
    }

    public boolean mayManage(Caller c, InstitutionId institution) {
        if (c.isAdmin()) {
            return true;
        }
        if ((c.role() == Role.SPECIALIST || c.role() == Role.OFFICE) && institution.equals(c.institution())) {
            return true;
        }
        return c.role() == Role.OFFICE && c.scopeType() == ScopeType.CONSORTIUM
                && members(new ConsortiumId(c.requiredScopeRef())).contains(institution.value());
    }

    /** Institutions whose schedules the caller may see; null = every institution. */
    @Nullable
    Set<UUID> visibleInstitutions(Caller c) {
        return switch (c.scopeType()) {
            case GLOBAL, JURISDICTION -> null;
            case CONSORTIUM -> members(new ConsortiumId(c.requiredScopeRef()));
            case INSTITUTION -> {
                var out = new HashSet<UUID>();
                out.add(c.requiredScopeRef());
                if (c.role() == Role.GP) {
                    for (ConsortiumView cv : registry.activeConsortiaOf(new InstitutionId(c.requiredScopeRef()))) {
                        cv.members().stream().filter(m -> m.endDate() == null).forEach(m -> out.add(m.institutionId().value()));
                    }
                }
                yield out;
            }
        };
    }

    /** Active members of a consortium (empty when unknown). */
    Set<UUID> members(ConsortiumId consortium) {
        var out = new HashSet<UUID>();
        registry.consortiumEntry(consortium).ifPresent(cv -> {
            for (MembershipView m : cv.members()) {
                if (m.endDate() == null) {
                    out.add(m.institutionId().value());
                }
            }
        });
        return out;
    }
}
