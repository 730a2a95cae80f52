package org.medunion.referral.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Scope;
import org.medunion.referral.ReferralView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ContractId;
import org.medunion.residents.ContractView;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.TeamView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the referral module reads from the registry and the residents module, through their facades only:
 * institution names and categories, consortium membership, the resident's "1+1+1" contract.
 * Look-ups across scope through the registry's directory (the caller's own scope is checked by the referral module).
 */
@Component
class Directory {

    private final ObjectProvider<RegistryManagement> registry;
    private final ObjectProvider<ResidentsManagement> residents;
    private final Clock clock;

    Directory(ObjectProvider<RegistryManagement> registry, ObjectProvider<ResidentsManagement> residents,
              Clock clock) {
        this.registry = registry;
        this.residents = residents;
        this.clock = clock;
    }

    Optional<InstitutionView> institution(@Nullable UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        var r = registry.getIfAvailable();
        if (r == null) {
            return Optional.empty();
        }
        return r.institutionEntry(new InstitutionId(id));
    }

    Optional<PractitionerView> practitioner(UUID id) {
        var r = registry.getIfAvailable();
        return r == null || id == null ? Optional.empty() : r.practitionerEntry(new PractitionerId(id));
    }

    Optional<ConsortiumView> consortium(UUID id) {
        var r = registry.getIfAvailable();
        return r == null || id == null ? Optional.empty() : r.consortiumEntry(new ConsortiumId(id));
    }

    /** The institutions whose district lies inside a jurisdiction scope (an integrator's referrals). */
    Set<UUID> institutionsIn(Scope scope) {
        var r = registry.getIfAvailable();
        var out = new HashSet<UUID>();
        String division = scope.reference();
        if (r != null && division != null) {
            r.institutionsWithin(division).forEach(i -> out.add(i.value()));
        }
        return out;
    }

    /** Whether the institution has a care relationship with the resident (false as well for an unknown resident). */
    boolean caresFor(@Nullable UUID institution, UUID resident) {
        var r = residents.getIfAvailable();
        return r != null && institution != null && resident != null
                && r.relationship(new InstitutionId(institution), new ResidentId(resident)).isPresent();
    }

    Optional<ContractView> contract(UUID id) {
        var r = residents.getIfAvailable();
        return r == null || id == null ? Optional.empty() : r.contractReference(new ContractId(id));
    }

    /** Active family-doctor teams of an institution. */
    List<TeamView> teamsOf(UUID institution) {
        var r = residents.getIfAvailable();
        return r == null || institution == null ? List.of()
                : r.teamsOf(new InstitutionId(institution)).stream().filter(TeamView::active).toList();
    }

    /** Whether the consortium has both institutions as active members today. */
    boolean hasMembers(ConsortiumView c, @Nullable UUID a, @Nullable UUID b) {
        LocalDate today = LocalDate.now(clock);
        return isMember(c, a, today) && (b == null || isMember(c, b, today));
    }

    /**
     * Names of the institutions a page shows, one look-up each. Lists are polled every few seconds, so reading the
     * whole registry (thousands of institutions at district scale) per poll would be the wrong trade.
     */
    Map<UUID, String> names(Collection<UUID> ids) {
        var m = new HashMap<UUID, String>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> institution(id).ifPresent(i -> m.put(id, i.name())));
        return m;
    }

    /** Names of the sending and receiving institutions of the given referrals. */
    Map<UUID, String> namesOf(List<ReferralView> referrals) {
        return names(referrals.stream().flatMap(r -> Stream.of(r.fromInstitutionId(), r.toInstitutionId()))
                .toList());
    }

    @Nullable
    String name(UUID id) {
        return institution(id).map(InstitutionView::name).orElse(null);
    }

    boolean isCategory(UUID id, InstitutionCategory category) {
        return institution(id).map(i -> i.category() == category).orElse(false);
    }

    boolean isPrimary(UUID id) {
        return institution(id).map(InstitutionView::isPrimary).orElse(false);
    }

    /** The first active consortium both institutions belong to. */
    Optional<UUID> commonConsortium(@Nullable UUID a, @Nullable UUID b) {
        var r = registry.getIfAvailable();
        if (r == null || a == null || b == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return r.activeConsortiaOf(new InstitutionId(a)).stream()
                .filter(c -> isMember(c, a, today) && isMember(c, b, today)).map(c -> c.id().value()).findFirst();
    }

    /** The first active consortium an institution belongs to. */
    Optional<UUID> consortiumOf(@Nullable UUID institution) {
        return commonConsortium(institution, institution);
    }

    /** Active members of a consortium with the lead first. */
    List<UUID> members(@Nullable UUID consortiumId) {
        var r = registry.getIfAvailable();
        if (r == null || consortiumId == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return r.consortiumEntry(new ConsortiumId(consortiumId))
                .map(c -> c.activeMembers(today).stream()
                        .sorted((x, y) -> Boolean.compare(y.role() == MembershipRole.LEAD, x.role() == MembershipRole.LEAD))
                        .map(m -> m.institutionId().value()).toList())
                .orElse(List.of());
    }

    private static boolean isMember(ConsortiumView c, @Nullable UUID institution, LocalDate day) {
        return c.activeMembers(day).stream().anyMatch(m -> m.institutionId().value().equals(institution));
    }

    /** The resident's contract in force today, if the residents module knows one. */
    Optional<ContractView> activeContract(UUID residentId, LocalDate day) {
        var r = residents.getIfAvailable();
        if (r == null || residentId == null) {
            return Optional.empty();
        }
        return r.activeContract(new ResidentId(residentId), day);
    }

    static @Nullable UUID id(InstitutionId id) {
        return id == null ? null : id.value();
    }
}
