package org.medunion.residents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ContractEnded;
import org.medunion.residents.ContractId;
import org.medunion.residents.ContractService;
import org.medunion.residents.ContractSigned;
import org.medunion.residents.ContractStatus;
import org.medunion.residents.ContractView;
import org.medunion.residents.EndContract;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.RenewContract;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.residents.internal.ResidentStore.ResidentRow;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.Slice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "1+1+1" contracts of residents with family-doctor teams ({@link FamilyDoctorTeams}). A contract binds a resident to a team, one district hospital and one municipal hospital for a period; a resident has at
 * most one ACTIVE contract at a time.
 */
@Service
// never readOnly: reads write audit rows in the same transaction (PostgreSQL rejects them in a read-only one)
@Transactional
class FamilyDoctorContracts {

    static final Set<Role> CONTRACT_WRITERS = Set.of(Role.ADMIN, Role.GP);

    private final TeamStore teams;
    private final ContractStore contracts;
    private final ResidentIndex index;
    private final ResidentAccess access;
    private final CurrentUsers users;
    private final RegistryManagement registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FamilyDoctorContracts(TeamStore teams, ContractStore contracts, ResidentIndex index, ResidentAccess access,
                          CurrentUsers users, RegistryManagement registry, AuditTrail audit,
                          ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.contracts = contracts;
        this.index = index;
        this.access = access;
        this.users = users;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- contracts

    ContractView sign(SignContract command) {
        CurrentUser u = access.requireRole(CONTRACT_WRITERS);
        if (command == null || command.residentId() == null) {
            throw new InvalidInputException("residentId", "field.required");
        }
        ResidentRow resident = index.readable(u, command.residentId().value(), true);
        ContractView contract = validContract(command, resident, u, new RegistrySnapshot(registry), "");
        if (!contracts.activeFrom(resident.id(), contract.startDate()).isEmpty()) {
            throw new ConflictException(ResidentsError.CONTRACT_ALREADY_ACTIVE, "residentId");
        }
        contracts.insertAll(List.of(contract), clock.instant());
        audit.record(AuditAction.CREATE, "contract", contract.id().toString(), resident.id().toString(), null);
        publishSigned(contract);
        return contracts.find(contract.id().value()).orElseThrow();
    }

    List<ContractId> importContracts(List<SignContract> commands) {
        CurrentUser u = systemOrAdmin();
        RegistrySnapshot snapshot = new RegistrySnapshot(registry);
        Map<UUID, TeamView> teamCache = new HashMap<>();
        var valid = new ArrayList<ContractView>();
        var residentsInBatch = new HashSet<UUID>();
        for (int i = 0; i < commands.size(); i++) {
            SignContract c = commands.get(i);
            String p = "[" + i + "].";
            if (c == null || c.residentId() == null) {
                throw new InvalidInputException(p + "residentId", "field.required");
            }
            ResidentRow resident = index.readable(u == null ? null : u, c.residentId().value(), false);
            if (c.teamId() != null) {
                teamCache.computeIfAbsent(c.teamId().value(), id -> teams.find(id).orElse(null));
            }
            ContractView contract = validContract(c, resident, u, snapshot, p, teamCache);
            if (!residentsInBatch.add(resident.id()) || !contracts.activeFrom(resident.id(), contract.startDate()).isEmpty()) {
                throw new ConflictException(ResidentsError.CONTRACT_ALREADY_ACTIVE, p + "residentId");
            }
            valid.add(contract);
        }
        contracts.insertAll(valid, clock.instant());
        audit.record(AuditAction.CREATE, "contract-batch", null, null, "imported " + valid.size() + " contracts");
        valid.forEach(this::publishSigned);
        return valid.stream().map(ContractView::id).toList();
    }

    private ContractView validContract(SignContract c, ResidentRow resident, @Nullable CurrentUser u, RegistrySnapshot registry, String p) {
        Map<UUID, TeamView> cache = new HashMap<>();
        if (c.teamId() != null) {
            teams.find(c.teamId().value()).ifPresent(t -> cache.put(t.id().value(), t));
        }
        return validContract(c, resident, u, registry, p, cache);
    }

    private ContractView validContract(SignContract c, ResidentRow resident, @Nullable CurrentUser u, RegistrySnapshot registry,
                                       String p, Map<UUID, TeamView> teamCache) {
        if (c.teamId() == null) {
            throw new InvalidInputException(p + "teamId", "field.required");
        }
        TeamView team = teamCache.get(c.teamId().value());
        if (team == null || !team.active()) {
            throw new InvalidInputException(p + "teamId", ResidentsError.UNKNOWN_TEAM, c.teamId());
        }
        InstitutionId own = u == null ? null : ResidentAccess.institutionOf(u);
        if (own != null && !own.equals(team.institutionId())) {
            throw new ForbiddenException(ResidentsError.NOT_OWN_INSTITUTION);
        }
        hospital(c.districtHospitalId(), registry, p + "districtHospitalId", ResidentsError.NOT_A_DISTRICT_HOSPITAL,
                EnumSet.of(Affiliation.DISTRICT, Affiliation.COUNTY));
        hospital(c.municipalHospitalId(), registry, p + "municipalHospitalId", ResidentsError.NOT_A_MUNICIPAL_HOSPITAL,
                EnumSet.of(Affiliation.MUNICIPAL));
        LocalDate start = c.startDate() == null ? LocalDate.now(clock) : c.startDate();
        if (start.isBefore(resident.birthDate())) {
            throw new InvalidInputException(p + "startDate", ResidentsError.CONTRACT_BEFORE_BIRTH);
        }
        LocalDate end = c.endDate() == null ? start.plusYears(1).minusDays(1) : c.endDate();
        if (!end.isAfter(start) || end.isAfter(start.plusYears(5))) {
            throw new InvalidInputException(p + "endDate", ResidentsError.CONTRACT_PERIOD_INVALID, start);
        }
        Set<PriorityGroup> groups = ResidentInputs.priorityGroups(c.priorityGroups(), resident.birthDate(), resident.sex(), start);
        List<ContractService> services = ResidentInputs.services(c.services());
        return new ContractView(ContractId.random(), new ResidentId(resident.id()), team.id(), team.institutionId(),
                c.districtHospitalId(), c.municipalHospitalId(), groups, services, start, end, ContractStatus.ACTIVE,
                null, null, 0, Instant.EPOCH);
    }

    /** A hospital (not a primary institution) of the given affiliation, rated secondary or tertiary. */
    private static void hospital(InstitutionId id, RegistrySnapshot registry, String field, ResidentsError code,
                                 Set<Affiliation> affiliations) {
        if (id == null) {
            throw new InvalidInputException(field, "field.required");
        }
        InstitutionView h = registry.institution(id);
        if (h == null) {
            throw new InvalidInputException(field, ResidentsError.UNKNOWN_INSTITUTION, id);
        }
        if (h.isPrimary() || !affiliations.contains(h.affiliation())
                || (h.level() != HospitalLevel.SECONDARY && h.level() != HospitalLevel.TERTIARY)) {
            throw new InvalidInputException(field, code, h.name());
        }
    }

    ContractView renew(ContractId id, @Nullable RenewContract command) {
        CurrentUser u = access.requireRole(CONTRACT_WRITERS);
        ContractView old = writable(u, id);
        ResidentRow resident = index.readable(u, old.residentId().value(), true);
        if (old.status() != ContractStatus.ACTIVE) {
            throw new ConflictException(ResidentsError.CONTRACT_STATUS_FORBIDS, "status", old.status());
        }
        RenewContract c = command == null ? new RenewContract(null, null, null) : command;
        List<String> declared = c.priorityGroups() != null ? c.priorityGroups()
                : old.priorityGroups().stream().filter(g -> !g.derivedFromAge()).map(Enum::name).toList();
        List<String> services = c.services() != null ? c.services() : old.services().stream().map(Enum::name).toList();
        LocalDate start = old.endDate().plusDays(1);
        var sign = new SignContract(old.residentId(), old.teamId(), old.districtHospitalId(), old.municipalHospitalId(),
                start, c.endDate(), declared, services);
        ContractView next = validContract(sign, resident, u, new RegistrySnapshot(registry), "");
        if (contracts.updateStatus(old.id().value(), old.version(), ContractStatus.RENEWED, old.endDate(), null, clock.instant()) != 1) {
            throw new ConflictException("common.staleVersion", "version");
        }
        if (!contracts.activeFrom(resident.id(), start).isEmpty()) {
            throw new ConflictException(ResidentsError.CONTRACT_ALREADY_ACTIVE, "residentId");
        }
        next = new ContractView(next.id(), next.residentId(), next.teamId(), next.primaryInstitutionId(),
                next.districtHospitalId(), next.municipalHospitalId(), next.priorityGroups(), next.services(),
                next.startDate(), next.endDate(), ContractStatus.ACTIVE, null, old.id(), 0, clock.instant());
        contracts.insertAll(List.of(next), clock.instant());
        audit.record(AuditAction.UPDATE, "contract", old.id().toString(), resident.id().toString(), "renewed as " + next.id());
        audit.record(AuditAction.CREATE, "contract", next.id().toString(), resident.id().toString(), "renewal of " + old.id());
        publishSigned(next);
        return contracts.find(next.id().value()).orElseThrow();
    }

    ContractView end(ContractId id, EndContract command) {
        CurrentUser u = access.requireRole(CONTRACT_WRITERS);
        ContractView c = writable(u, id);
        index.readable(u, c.residentId().value(), true);
        if (command == null || command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "field.required");
        }
        String reason = command.reason().strip();
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", ResidentsError.INVALID_TEXT);
        }
        if (c.status() != ContractStatus.ACTIVE) {
            throw new ConflictException(ResidentsError.CONTRACT_STATUS_FORBIDS, "status", c.status());
        }
        LocalDate endDate = command.endDate() == null ? LocalDate.now(clock) : command.endDate();
        if (endDate.isBefore(c.startDate()) || endDate.isAfter(c.endDate())) {
            throw new InvalidInputException("endDate", ResidentsError.END_OUTSIDE_CONTRACT, c.startDate(), c.endDate());
        }
        if (contracts.updateStatus(c.id().value(), c.version(), ContractStatus.ENDED, endDate, reason, clock.instant()) != 1) {
            throw new ConflictException("common.staleVersion", "version");
        }
        audit.record(AuditAction.UPDATE, "contract", c.id().toString(), c.residentId().toString(), "ended");
        events.publishEvent(new ContractEnded(c.id(), c.residentId(), endDate, reason));
        return contracts.find(c.id().value()).orElseThrow();
    }

    /** A contract the caller may change: they see the resident and, if institution-scoped, it is their team's. */
    private ContractView writable(CurrentUser u, ContractId id) {
        ContractView c = contracts.find(id.value()).orElseThrow(() -> new NotFoundException("Contract", id));
        InstitutionId own = ResidentAccess.institutionOf(u);
        if (own != null && !own.equals(c.primaryInstitutionId())) {
            if (c.involves(own)) {
                throw new ForbiddenException(ResidentsError.NOT_OWN_INSTITUTION);
            }
            throw new NotFoundException("Contract", id);
        }
        return c;
    }

    @Transactional
    Optional<ContractView> contract(ContractId id) {
        CurrentUser u = access.identityReader();
        Optional<ContractView> c = contracts.find(id.value());
        if (c.isEmpty() || !access.canRead(u, c.get().residentId().value())) {
            return Optional.empty();
        }
        audit.record(AuditAction.READ, "contract", id.toString(), c.get().residentId().toString(), null);
        return c;
    }

    /** For other modules' checks (IDs only, like activeContract): not scoped, not audited. */
    @Transactional
    Optional<ContractView> contractReference(ContractId id) {
        return contracts.find(id.value());
    }

    @Transactional
    List<ContractView> contractsOf(ResidentId residentId) {
        CurrentUser u = access.identityReader();
        index.readable(u, residentId.value(), false);
        audit.record(AuditAction.READ, "contract", null, residentId.toString(), "contracts of resident");
        return contracts.ofResident(residentId.value());
    }

    /**
     * Contracts of the teams that list the practitioner, only of residents the caller's scope admits (the resident
     * search's filter, in SQL), each returned one audited; a page and the total.
     */
    @Transactional
    Slice<ContractView> contractsWithMember(PractitionerId practitionerId, @Nullable Instant updatedFrom,
                                            @Nullable Instant updatedTo, int limit,
                                            int offset) {
        CurrentUser u = access.identityReader();
        ResidentAccess.Filter f = access.filter(u);
        Slice<ContractView> page = contracts.withMember(practitionerId.value(), f.sql(), f.params(), updatedFrom, updatedTo,
                limit, offset);
        for (ContractView c : page.items()) {
            audit.record(AuditAction.READ, "contract", c.id().toString(), c.residentId().toString(), "contracts of team member");
        }
        return page;
    }

    @Transactional
    Optional<ContractView> activeContract(ResidentId residentId, LocalDate date) {
        return contracts.covering(residentId.value(), date);
    }

    @Transactional
    List<ContractView> contractsOfInstitution(InstitutionId institutionId) {
        return contracts.ofInstitution(institutionId.value());
    }

    @Transactional
    boolean isContractedWith(ResidentId residentId, InstitutionId institutionId) {
        return contracts.covering(residentId.value(), LocalDate.now(clock)).map(c -> c.involves(institutionId)).orElse(false);
    }

    @Transactional
    List<ContractView> teamContracts(TeamId teamId) {
        return contracts.ofTeam(teamId.value());
    }

    long countCovering() {
        return contracts.countCovering(LocalDate.now(clock));
    }

    Map<PriorityGroup, Long> countCoveringByGroup() {
        return contracts.countCoveringByGroup(LocalDate.now(clock));
    }

    private void publishSigned(ContractView c) {
        events.publishEvent(new ContractSigned(c.id(), c.residentId(), c.teamId(), c.primaryInstitutionId(),
                c.districtHospitalId(), c.municipalHospitalId(), c.startDate(), c.endDate(), c.renewedFrom()));
    }

    private @Nullable CurrentUser systemOrAdmin() {
        return systemOrAdmin(users);
    }

    /** Bulk imports run as the system (no user) or an administrator. */
    static @Nullable CurrentUser systemOrAdmin(CurrentUsers users) {
        CurrentUser u = users.current().orElse(null);
        if (u != null && u.role() != Role.ADMIN) {
            throw new ForbiddenException("auth.forbidden");
        }
        return u;
    }
}
