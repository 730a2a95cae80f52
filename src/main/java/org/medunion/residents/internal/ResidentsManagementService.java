package org.medunion.residents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.BreakTheGlassView;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ContractId;
import org.medunion.residents.ContractView;
import org.medunion.residents.EndContract;
import org.medunion.residents.FormTeam;
import org.medunion.residents.LinkRecord;
import org.medunion.residents.PossibleDuplicate;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.Registration;
import org.medunion.residents.RenewContract;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentStatistics;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's facade: resident index and family-doctor contracts behind one interface. */
@Service
class ResidentsManagementService implements ResidentsManagement {

    private final ResidentIndex index;
    private final FamilyDoctorContracts contracts;
    private final FamilyDoctorTeams teams;
    private final ResidentAccess access;
    private final BreakTheGlass breakTheGlass;

    ResidentsManagementService(ResidentIndex index, FamilyDoctorContracts contracts, FamilyDoctorTeams teams,
                               ResidentAccess access, BreakTheGlass breakTheGlass) {
        this.index = index;
        this.contracts = contracts;
        this.teams = teams;
        this.access = access;
        this.breakTheGlass = breakTheGlass;
    }

    @Override
    public Optional<CareRelationship> relationship(InstitutionId institution, ResidentId resident) {
        return institution == null || resident == null ? Optional.empty() : index.relationship(institution, resident);
    }

    @Override
    public Optional<CareRelationship> callerRelationship(ResidentId resident) {
        return resident == null ? Optional.empty() : index.callerRelationship(resident);
    }

    @Override
    public BreakTheGlassView breakTheGlass(ResidentId resident, @Nullable String reason) {
        return breakTheGlass.open(resident, reason);
    }

    @Override
    public List<BreakTheGlassView> breakTheGlassReports() {
        return breakTheGlass.reportedToMe();
    }

    @Override
    public Registration register(RegisterResident command) {
        return index.register(command);
    }

    @Override
    public Optional<ResidentView> resident(ResidentId id) {
        return index.resident(id);
    }

    @Override
    public Optional<ResidentView> findByIdNumber(String idNumber) {
        return index.findByIdNumber(idNumber);
    }

    @Override
    public List<ResidentView> search(ResidentSearch search) {
        return index.search(search);
    }

    @Override
    public Slice<ResidentView> search(ResidentSearch search, int offset) {
        return index.search(search, offset);
    }

    @Override
    public ResidentView link(ResidentId id, LinkRecord command) {
        return index.link(id, command);
    }

    @Override
    public List<PossibleDuplicate> possibleDuplicates() {
        return index.possibleDuplicates();
    }

    @Override
    public List<ResidentId> possibleDuplicatesOf(ResidentId id) {
        return index.possibleDuplicatesOf(id);
    }

    @Override
    public List<TeamView> teamsWithMember(PractitionerId practitionerId) {
        return teams.teamsWithMember(practitionerId);
    }

    @Override
    @Transactional
    public ResidentStatistics statistics() {
        access.requireRole(Set.of(Role.ADMIN, Role.PLANNER, Role.OFFICE));
        return new ResidentStatistics(index.count(), contracts.countCovering(), teams.countTeams(),
                contracts.countCoveringByGroup(), index.countOpenDuplicates());
    }

    @Override
    public TeamView formTeam(FormTeam command) {
        return teams.formTeam(command);
    }

    @Override
    public Optional<TeamView> team(TeamId id) {
        return teams.team(id);
    }

    @Override
    public List<TeamView> teamsOf(InstitutionId institutionId) {
        return teams.teamsOf(institutionId);
    }

    @Override
    public ContractView signContract(SignContract command) {
        return contracts.sign(command);
    }

    @Override
    public ContractView renewContract(ContractId id, @Nullable RenewContract command) {
        return contracts.renew(id, command);
    }

    @Override
    public ContractView endContract(ContractId id, EndContract command) {
        return contracts.end(id, command);
    }

    @Override
    public Optional<ContractView> contract(ContractId id) {
        return contracts.contract(id);
    }

    @Override
    public List<ContractView> contractsOf(ResidentId residentId) {
        return contracts.contractsOf(residentId);
    }

    @Override
    public Slice<ContractView> contractsWithMember(PractitionerId practitionerId, @Nullable Instant updatedFrom,
                                                   @Nullable Instant updatedTo,
                                                   int limit, int offset) {
        return contracts.contractsWithMember(practitionerId, updatedFrom, updatedTo, limit, offset);
    }

    @Override
    public Optional<ContractView> activeContract(ResidentId residentId, LocalDate date) {
        return contracts.activeContract(residentId, date);
    }

    @Override
    public List<ContractView> contractsOfInstitution(InstitutionId institutionId) {
        return contracts.contractsOfInstitution(institutionId);
    }

    @Override
    public boolean residentExists(ResidentId residentId) {
        return residentId != null && index.exists(residentId.value());
    }

    @Override
    public Optional<ContractView> contractReference(ContractId id) {
        return id == null ? Optional.empty() : contracts.contractReference(id);
    }

    @Override
    public boolean isContractedWith(ResidentId residentId, InstitutionId institutionId) {
        return contracts.isContractedWith(residentId, institutionId);
    }

    @Override
    public List<ResidentId> importResidents(List<RegisterResident> commands) {
        return index.importResidents(commands);
    }

    @Override
    public List<TeamId> importTeams(List<FormTeam> commands) {
        return teams.importTeams(commands);
    }

    @Override
    public List<ContractId> importContracts(List<SignContract> commands) {
        return contracts.importContracts(commands);
    }
}
