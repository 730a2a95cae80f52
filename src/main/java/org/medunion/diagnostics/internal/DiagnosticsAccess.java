package org.medunion.diagnostics.internal;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Who may do what. Reference data (catalogue, lists, centres, QC) is maintained by administrators, planners of the
 * jurisdiction and the consortium's office; resident data (reports, offers, decisions) follows the residents
 * module's care relationships — knowing a resident's ID is never one (issue 10).
 */
@Component
class DiagnosticsAccess {

    private final CurrentUsers users;
    private final ResidentsManagement residents;
    private final RegistryDirectory registry;

    DiagnosticsAccess(CurrentUsers users, ResidentsManagement residents, RegistryDirectory registry) {
        this.users = users;
        this.residents = residents;
        this.registry = registry;
    }

    CurrentUser caller() {
        return users.require();
    }

    @Nullable
    static UUID institutionOf(CurrentUser user) {
        return user.scope().type() == ScopeType.INSTITUTION ? user.scope().referenceId() : null;
    }

    static boolean clinician(CurrentUser user) {
        return user.role() == Role.GP || user.role() == Role.SPECIALIST;
    }

    /** Why the caller may read the resident; empty for an unknown resident as for a foreign one. */
    Optional<CareRelationship> relationship(UUID resident) {
        return residents.callerRelationship(new ResidentId(resident));
    }

    /** The resident named in a new record: the caller needs a care relationship (400, no existence oracle). */
    CareRelationship requireResident(@Nullable UUID resident, String field) {
        if (resident == null) {
            throw new InvalidInputException(field, DiagnosticsError.NO_RESIDENT, (Object) null);
        }
        return relationship(resident).orElseThrow(() -> new InvalidInputException(field, DiagnosticsError.NO_RESIDENT, resident));
    }

    /**
     * The resident of an imported report: the performing institution needs a care relationship to the resident — the
     * same 400 for an unknown resident, so naming one is no existence oracle and gives no access.
     */
    void requireKnownTo(UUID performer, @Nullable UUID resident, String field, @Nullable Object shown) {
        if (resident == null || residents.relationship(new InstitutionId(performer), new ResidentId(resident)).isEmpty()) {
            throw new InvalidInputException(field, DiagnosticsError.NO_RESIDENT, shown);
        }
    }

    /** An active member of a consortium: the institutions whose results are exchanged for recognition. */
    boolean member(UUID institution) {
        return !registry.activeConsortiaOf(new InstitutionId(institution)).isEmpty();
    }

    InstitutionView institution(@Nullable UUID id, String field) {
        if (id == null) {
            throw new InvalidInputException(field, DiagnosticsError.NO_INSTITUTION, (Object) null);
        }
        return registry.institutionEntry(new InstitutionId(id))
                .orElseThrow(() -> new InvalidInputException(field, DiagnosticsError.NO_INSTITUTION, id));
    }

    /** An administrator, or a jurisdiction-scoped planner or integrator whose jurisdiction covers the division. */
    boolean governs(CurrentUser user, @Nullable String division) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        return (user.role() == Role.PLANNER || user.role() == Role.INTEGRATOR) && user.scope().type() == ScopeType.JURISDICTION
                && user.scope().coversDivision(division);
    }

    boolean officeOf(CurrentUser user, UUID consortium) {
        return user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM
                && consortium.equals(user.scope().referenceId());
    }

    /** The office of a consortium holding the institution. */
    boolean officeOver(CurrentUser user, UUID institution) {
        UUID consortium = user.role() == Role.OFFICE ? user.scope().referenceId() : null;
        return consortium != null && registry.activeConsortiaOf(new InstitutionId(institution)).stream()
                .anyMatch(c -> c.id().equals(new ConsortiumId(consortium)));
    }

    static ForbiddenException forbidden(String what) {
        return new ForbiddenException(DiagnosticsError.NOT_YOURS, what);
    }
}
