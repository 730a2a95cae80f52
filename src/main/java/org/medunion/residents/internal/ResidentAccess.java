package org.medunion.residents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.RecordLink;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentView;
import org.medunion.residents.internal.ResidentStore.ResidentRow;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.Masking;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may see which resident (product.md §11, S-1, S-3): ADMIN and global scopes everybody; institution scopes
 * the residents contracted with the institution (team, district or municipal hospital) or registered from its
 * records, plus those a {@link ResidentAccessExtension} grants (e.g. referred to it); consortium scopes the same
 * over the member institutions; jurisdiction scopes by address district. PLANNER never sees identities.
 */
@Component
class ResidentAccess {

    static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.GP, Role.SPECIALIST, Role.INTEGRATOR);

    private final CurrentUsers users;
    private final RegistryManagement registry;
    private final ResidentStore store;
    private final ObjectProvider<ResidentAccessExtension> extensions;
    private final Clock clock;

    ResidentAccess(CurrentUsers users, RegistryManagement registry, ResidentStore store,
                   ObjectProvider<ResidentAccessExtension> extensions, Clock clock) {
        this.users = users;
        this.registry = registry;
        this.store = store;
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
            throw new ForbiddenException("RESIDENTS-0030");
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
    static InstitutionId institutionOf(CurrentUser u) {
        return u.scope().type() == ScopeType.INSTITUTION && u.scope().reference() != null
                ? new InstitutionId(u.scope().referenceId()) : null;
    }

    /** A SQL predicate over residents_resident {@code r} with its named parameters. */
    record Filter(String sql, Map<String, Object> params) {
    }

    Filter filter(CurrentUser u) {
        if (u.role() == Role.PLANNER) {
            return new Filter("1=0", Map.of());
        }
        if (u.isAdmin() || u.scope().type() == ScopeType.GLOBAL) {
            return new Filter("1=1", Map.of());
        }
        if (u.scope().type() == ScopeType.JURISDICTION) {
            return new Filter("r.district_code like :scopePrefix", Map.of("scopePrefix", prefix(u.scope().reference()) + "%"));
        }
        Set<UUID> institutions = institutions(u);
        if (institutions.isEmpty()) {
            return new Filter("1=0", Map.of());
        }
        return new Filter("""
                r.id in (select c.resident_id from residents_contract c where c.status <> 'ENDED'
                           and (c.primary_institution_id in (:scopeInst) or c.district_hospital_id in (:scopeInst)
                                or c.municipal_hospital_id in (:scopeInst)))
                or r.id in (select l.resident_id from residents_record_link l where l.source_institution in (:scopeInst))""",
                Map.of("scopeInst", institutions));
    }

    boolean canRead(CurrentUser u, UUID residentId) {
        Filter f = filter(u);
        if ("1=1".equals(f.sql())) {
            return true;
        }
        if (u.role() != Role.PLANNER && store.matches(residentId, f.sql(), f.params())) {
            return true;
        }
        if (u.role() == Role.PLANNER) {
            return false;
        }
        ResidentId id = new ResidentId(residentId);
        return extensions.orderedStream().anyMatch(e -> e.grantsAccess(u, id));
    }

    private Set<UUID> institutions(CurrentUser u) {
        var out = new HashSet<UUID>();
        if (u.scope().type() == ScopeType.INSTITUTION && u.scope().reference() != null) {
            out.add(u.scope().referenceId());
        } else if (u.scope().type() == ScopeType.CONSORTIUM && u.scope().reference() != null) {
            UUID consortium = u.scope().referenceId();
            LocalDate today = LocalDate.now(clock);
            for (ConsortiumView c : registry.allConsortiaUnscoped()) {
                if (c.id().value().equals(consortium)) {
                    c.activeMembers(today).forEach(m -> out.add(m.institutionId().value()));
                }
            }
        }
        return out;
    }

    private static String prefix(String code) {
        if (code == null) {
            return "";
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** The view of a resident, masked unless the role needs full identifiers (S-3). */
    static ResidentView view(ResidentRow r, List<RecordLink> links, CurrentUser u) {
        boolean full = u != null && u.role().seesFullIdentifiers();
        return new ResidentView(new ResidentId(r.id()), Masking.residentId(r.idNumber()), r.name(), r.sex(),
                r.birthDate(), Masking.phone(r.phone()), r.districtCode(), links == null ? List.of() : List.copyOf(links),
                full ? r.idNumber() : null, full ? r.phone() : null,
                r.sourceInstitution() == null ? null : new InstitutionId(r.sourceInstitution()), r.version());
    }
}
