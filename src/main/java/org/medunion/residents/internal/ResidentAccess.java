package org.medunion.residents.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.RecordLink;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.internal.ResidentStore.ResidentRow;
import org.medunion.shared.DivisionCode;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.Masking;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may see which resident, and why (product.md §11, S-1, S-3; issue 10 "access follows a care relationship"):
 * ADMIN and global scopes everybody; an institution the residents it has a {@link CareRelationship} with — the
 * contract in force names it, it registered a record of its own under the resident's name, a module's
 * {@link ResidentAccessExtension} says so (a referral it received, a booking at it), or an unexpired
 * break-the-glass; consortium scopes the same over the member institutions; jurisdiction scopes by address
 * district. PLANNER and the security and audit administrators never see identities.
 */
@Component
class ResidentAccess {

    static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.GP, Role.SPECIALIST, Role.INTEGRATOR);

    private final CurrentUsers users;
    private final RegistryManagement registry;
    private final ResidentStore store;
    private final RelationshipStore relationships;
    private final ObjectProvider<ResidentAccessExtension> extensions;
    private final Clock clock;

    ResidentAccess(CurrentUsers users, RegistryManagement registry, ResidentStore store, RelationshipStore relationships,
                   ObjectProvider<ResidentAccessExtension> extensions, Clock clock) {
        this.users = users;
        this.registry = registry;
        this.store = store;
        this.relationships = relationships;
        this.extensions = extensions;
        this.clock = clock;
    }

    CurrentUser user() {
        return users.require();
    }

    /** The caller, who must be allowed to see identities: a planner gets 403 (aggregates only). */
    CurrentUser identityReader() {
        CurrentUser u = users.require();
        if (u.role() == Role.PLANNER) {
            throw new ForbiddenException(ResidentsError.PLANNER_SEES_STATISTICS_ONLY);
        }
        return u;
    }

    CurrentUser requireRole(Set<Role> roles) {
        CurrentUser u = users.require();
        if (!roles.contains(u.role())) {
            throw new ForbiddenException("auth.forbidden");
        }
        return u;
    }

    /** The institution of an institution-scoped caller, or null. */
    static @Nullable InstitutionId institutionOf(CurrentUser u) {
        return u.scope().type() == ScopeType.INSTITUTION && u.scope().reference() != null
                ? new InstitutionId(u.scope().requiredReferenceId()) : null;
    }

    /** A SQL predicate over residents_resident {@code r} with its named parameters. */
    record Filter(String sql, Map<String, Object> params) {
    }

    /** Roles that never read resident identities, whatever their scope. */
    static boolean readsNoIdentities(CurrentUser u) {
        return u.role() == Role.PLANNER || u.role() == Role.SECURITY_ADMIN || u.role() == Role.AUDITOR;
    }

    Filter filter(CurrentUser u) {
        if (readsNoIdentities(u)) {
            return new Filter("1=0", Map.of());
        }
        if (u.isAdmin() || u.scope().type() == ScopeType.GLOBAL) {
            return new Filter("1=1", Map.of());
        }
        if (u.scope().type() == ScopeType.JURISDICTION) {
            return new Filter("r.district_code like :scopePrefix",
                    Map.of("scopePrefix", DivisionCode.significantPrefix(u.scope().reference()) + "%"));
        }
        Set<UUID> institutions = institutions(u);
        if (institutions.isEmpty()) {
            return new Filter("1=0", Map.of());
        }
        return new Filter("""
                r.id in (select c.resident_id from residents_contract c where c.status <> 'ENDED'
                           and (c.primary_institution_id in (:scopeInst) or c.district_hospital_id in (:scopeInst)
                                or c.municipal_hospital_id in (:scopeInst)))
                or r.id in (select l.resident_id from residents_record_link l where l.source_institution in (:scopeInst))
                or r.id in (select g.resident_id from residents_break_glass g where g.institution_id in (:scopeInst)
                              and g.expires_at > :scopeNow)""",
                Map.of("scopeInst", institutions, "scopeNow", Timestamp.from(clock.instant())));
    }

    /**
     * Whether the caller may read the resident — {@link #relationship(CurrentUser, UUID)} without the reason, for
     * list filtering: the module's own relationships in one query, then the other modules'.
     */
    boolean canRead(CurrentUser u, UUID residentId) {
        if (u == null || residentId == null || readsNoIdentities(u)) {
            return false;
        }
        Filter f = filter(u);
        if (store.matches(residentId, f.sql(), f.params())) {
            return true;
        }
        if (u.scope().type() == ScopeType.JURISDICTION) {
            return false;
        }
        ResidentId id = new ResidentId(residentId);
        return institutions(u).stream().anyMatch(i -> extensions.orderedStream()
                .anyMatch(e -> e.relationship(new InstitutionId(i), id).isPresent()));
    }

    /**
     * Why the caller may read the resident; empty for a resident that does not exist exactly as for one without a
     * relationship, so that callers cannot tell the two apart.
     */
    Optional<CareRelationship> relationship(CurrentUser u, UUID residentId) {
        if (u == null || residentId == null || readsNoIdentities(u)) {
            return Optional.empty();
        }
        if (u.isAdmin() || u.scope().type() == ScopeType.GLOBAL) {
            return store.find(residentId).map(r -> CareRelationship.ADMINISTRATION);
        }
        if (u.scope().type() == ScopeType.JURISDICTION) {
            return store.find(residentId).filter(r -> u.scope().coversDivision(r.districtCode()))
                    .map(r -> CareRelationship.JURISDICTION);
        }
        for (UUID institution : institutions(u)) {
            Optional<CareRelationship> found = relationship(institution, residentId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The care relationship between an institution and a resident: its own first, then the other modules'. */
    Optional<CareRelationship> relationship(UUID institution, UUID residentId) {
        if (institution == null || residentId == null) {
            return Optional.empty();
        }
        if (relationships.contractedWith(residentId, institution)) {
            return Optional.of(CareRelationship.CONTRACT_TEAM);
        }
        if (relationships.hasRecordOf(residentId, institution)) {
            return Optional.of(CareRelationship.OWN_RECORD);
        }
        InstitutionId inst = new InstitutionId(institution);
        ResidentId id = new ResidentId(residentId);
        Optional<CareRelationship> granted = extensions.orderedStream().map(e -> e.relationship(inst, id))
                .flatMap(Optional::stream).findFirst();
        if (granted.isPresent()) {
            return granted;
        }
        return relationships.hasBreakGlass(residentId, institution, clock.instant())
                ? Optional.of(CareRelationship.BREAK_THE_GLASS) : Optional.empty();
    }

    private Set<UUID> institutions(CurrentUser u) {
        var out = new HashSet<UUID>();
        if (u.scope().type() == ScopeType.INSTITUTION && u.scope().reference() != null) {
            out.add(u.scope().referenceId());
        } else if (u.scope().type() == ScopeType.CONSORTIUM && u.scope().reference() != null) {
            UUID consortium = u.scope().requiredReferenceId();
            LocalDate today = LocalDate.now(clock);
            registry.consortiumEntry(new ConsortiumId(consortium))
                    .ifPresent(c -> c.activeMembers(today).forEach(m -> out.add(m.institutionId().value())));
        }
        return out;
    }

    /** The view of a resident, masked unless the role needs full identifiers (S-3). */
    static ResidentView view(ResidentRow r, @Nullable List<RecordLink> links, @Nullable CurrentUser u) {
        boolean full = u != null && u.role().seesFullIdentifiers();
        return new ResidentView(new ResidentId(r.id()),
                Objects.requireNonNull(Masking.residentId(r.idNumber()), "the ID number is required"), r.name(), r.sex(),
                r.birthDate(), Masking.phone(r.phone()), r.districtCode(), links == null ? List.of() : List.copyOf(links),
                full ? r.idNumber() : null, full ? r.phone() : null,
                r.sourceInstitution() == null ? null : new InstitutionId(r.sourceInstitution()), r.version(), r.updatedAt());
    }
}
