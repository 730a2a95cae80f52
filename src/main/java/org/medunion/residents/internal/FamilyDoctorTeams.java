package org.medunion.residents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.FormTeam;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family-doctor teams. A team works at a primary institution: a GP and a nurse of that institution and at least
 * one physician of a secondary or tertiary hospital (NN-5, blocking here).
 */
@Service
// never readOnly: like the contracts, a team's reads may write audit rows in the same transaction
@Transactional
class FamilyDoctorTeams {

    static final Set<Role> TEAM_WRITERS = Set.of(Role.ADMIN, Role.GP, Role.OFFICE);

    private final TeamStore teams;
    private final ResidentAccess access;
    private final CurrentUsers users;
    private final RegistryManagement registry;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final PolicyThresholds thresholds;

    FamilyDoctorTeams(TeamStore teams, ResidentAccess access, CurrentUsers users, RegistryManagement registry,
                      AuditTrail audit, MessageSource messages, Clock clock, PolicyThresholds thresholds) {
        this.thresholds = thresholds;
        this.teams = teams;
        this.access = access;
        this.users = users;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    TeamView formTeam(FormTeam command) {
        CurrentUser u = access.requireRole(TEAM_WRITERS);
        TeamView team = validTeam(command, u, new RegistrySnapshot(registry), "");
        teams.insertAll(List.of(team), clock.instant());
        audit.record(AuditAction.CREATE, "team", team.id().toString(), null, team.name());
        return teams.find(team.id().value()).orElseThrow();
    }

    List<TeamId> importTeams(List<FormTeam> commands) {
        CurrentUser u = FamilyDoctorContracts.systemOrAdmin(users);
        RegistrySnapshot snapshot = new RegistrySnapshot(registry);
        var valid = new ArrayList<TeamView>();
        for (int i = 0; i < commands.size(); i++) {
            valid.add(validTeam(commands.get(i), u, snapshot, "[" + i + "]."));
        }
        teams.insertAll(valid, clock.instant());
        audit.record(AuditAction.CREATE, "team-batch", null, null, "imported " + valid.size() + " teams");
        return valid.stream().map(TeamView::id).toList();
    }

    private TeamView validTeam(FormTeam c, @Nullable CurrentUser u, RegistrySnapshot registry, String p) {
        if (c == null || c.institutionId() == null) {
            throw new InvalidInputException(p + "institutionId", "field.required");
        }
        InstitutionView institution = registry.institution(c.institutionId());
        if (institution == null) {
            throw new InvalidInputException(p + "institutionId", ResidentsError.UNKNOWN_INSTITUTION, c.institutionId());
        }
        if (!institution.isPrimary()) {
            throw new InvalidInputException(p + "institutionId", ResidentsError.TEAM_NOT_AT_PRIMARY_INSTITUTION, institution.name());
        }
        InstitutionId own = u == null ? null : ResidentAccess.institutionOf(u);
        if (own != null && !own.equals(c.institutionId())) {
            throw new ForbiddenException(ResidentsError.NOT_OWN_INSTITUTION);
        }
        String name = ResidentInputs.name(c.name(), p + "name");
        member(c.gpPractitionerId(), Profession.PHYSICIAN, c.institutionId(), registry, p + "gpPractitionerId",
                ResidentsError.GP_NOT_OF_INSTITUTION);
        member(c.nursePractitionerId(), Profession.NURSE, c.institutionId(), registry, p + "nursePractitionerId",
                ResidentsError.NURSE_NOT_OF_INSTITUTION);
        List<PractitionerId> specialists = c.specialistPractitionerIds() == null ? List.of() : c.specialistPractitionerIds();
        var seen = new HashSet<PractitionerId>(List.of(c.gpPractitionerId(), c.nursePractitionerId()));
        // NN-5's number and clause are the policy module's (one source of truth, overrides honoured)
        int minSenior = Integer.parseInt(thresholds.threshold("NN-5", "min", institution.districtCode()).value().strip());
        int seniorPhysicians = 0;
        for (int i = 0; i < specialists.size(); i++) {
            String field = p + "specialistPractitionerIds[" + i + "]";
            PractitionerView s = member(specialists.get(i), Profession.PHYSICIAN, null, registry, field,
                    ResidentsError.SPECIALIST_NOT_A_PHYSICIAN);
            if (!seen.add(s.id())) {
                throw new InvalidInputException(field, ResidentsError.TEAM_MEMBER_TWICE);
            }
            InstitutionView home = registry.institution(s.institutionId());
            if (home != null && (home.level() == HospitalLevel.SECONDARY || home.level() == HospitalLevel.TERTIARY)) {
                seniorPhysicians++;
            }
        }
        if (seniorPhysicians < minSenior) {
            throw new RuleViolationException(List.of(new RuleViolationException.Violation("NN-5", thresholds.clause("NN-5"),
                    Objects.requireNonNull(messages.getMessage("residents.rule.NN-5", new Object[] {institution.name()},
                            "NN-5", LocaleContextHolder.getLocale()), "a default message is given"),
                    p + "specialistPractitionerIds", List.of("Organization/" + institution.id()))));
        }
        return new TeamView(TeamId.random(), c.institutionId(), name, c.gpPractitionerId(), c.nursePractitionerId(),
                List.copyOf(specialists), true, 0, Instant.EPOCH);
    }

    private static PractitionerView member(PractitionerId id, Profession profession, @Nullable InstitutionId institution,
                                           RegistrySnapshot registry, String field, ResidentsError code) {
        if (id == null) {
            throw new InvalidInputException(field, "field.required");
        }
        PractitionerView p = registry.practitioner(id);
        if (p == null || p.profession() != profession || institution != null && !institution.equals(p.institutionId())) {
            throw new InvalidInputException(field, code, id);
        }
        return p;
    }

    @Transactional
    Optional<TeamView> team(TeamId id) {
        users.require();
        return teams.find(id.value());
    }

    @Transactional
    List<TeamView> teamsOf(InstitutionId institutionId) {
        return teams.ofInstitution(institutionId.value());
    }

    @Transactional
    List<TeamView> teamsWithMember(PractitionerId practitionerId) {
        return teams.withMember(practitionerId.value());
    }

    long countTeams() {
        return teams.count();
    }
}
