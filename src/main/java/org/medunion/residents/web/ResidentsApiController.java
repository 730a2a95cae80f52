package org.medunion.residents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.BreakTheGlassView;
import org.medunion.residents.ContractView;
import org.medunion.residents.PossibleDuplicate;
import org.medunion.residents.Registration;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentStatistics;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.residents.web.Requests.EndContractRequest;
import org.medunion.residents.web.Requests.FormTeamRequest;
import org.medunion.residents.web.Requests.LinkRecordRequest;
import org.medunion.residents.web.Requests.RegisterResidentRequest;
import org.medunion.residents.web.Requests.RenewContractRequest;
import org.medunion.residents.web.Requests.SignContractRequest;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the resident index, family-doctor teams and "1+1+1" contracts. */
@RestController
@RequestMapping("/api/residents")
@Tag(name = "residents", description = "Resident index (EMPI), family-doctor teams, 1+1+1 contracts")
class ResidentsApiController {

    private final ResidentsManagement residents;
    private final CurrentUsers users;
    private final AuditTrail audit;

    ResidentsApiController(ResidentsManagement residents, CurrentUsers users, AuditTrail audit) {
        this.residents = residents;
        this.users = users;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Register a resident from an institution's record; an ID number already known is linked when "
            + "the name matches (200, outcome LINKED_EXISTING; the resident shown only if the caller may read them), "
            + "refused when it does not (409 field name, flagged for review, nothing linked); a new one is created "
            + "(201); possible duplicates are flagged, never merged")
    ResponseEntity<Registration> register(@RequestBody RegisterResidentRequest body) {
        Registration r = residents.register(body.command());
        return r.outcome() == Registration.Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/residents/"
                        + Objects.requireNonNull(r.resident(), "a created resident is shown").id())).body(r)
                : ResponseEntity.ok(r);
    }

    @GetMapping
    @Operation(summary = "Search residents in the caller's scope by exact ID number or name prefix (each hit audited)")
    List<ResidentView> search(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
                              @RequestParam(required = false) Integer limit) {
        return residents.search(new ResidentSearch(idNumber, name, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One resident (audited); 404 when outside the caller's scope, 403 for planners")
    ResidentView resident(@PathVariable String id) {
        ResidentId rid = Requests.id(id, "id", ResidentId::new);
        return residents.resident(rid).orElseThrow(() -> new NotFoundException("Patient", rid));
    }

    @PostMapping("/{id}/break-glass")
    @Operation(summary = "Break-the-glass: open a resident without a care relationship, for a reason (required); "
            + "time-limited, audited and reported to the resident's contracted institution")
    ResponseEntity<BreakTheGlassView> breakTheGlass(@PathVariable String id, @RequestBody BreakTheGlassRequest body) {
        ResidentId rid = Requests.id(id, "id", ResidentId::new);
        return ResponseEntity.status(HttpStatus.CREATED).body(residents.breakTheGlass(rid, body == null ? null : body.reason()));
    }

    @GetMapping("/break-glass")
    @Operation(summary = "Break-the-glass accesses to the residents contracted with the caller's institution, newest first")
    List<BreakTheGlassView> breakTheGlassReports() {
        return residents.breakTheGlassReports();
    }

    record BreakTheGlassRequest(String reason) {
    }

    @GetMapping("/{id}/contracts")
    @Operation(summary = "The contracts of a resident, newest last")
    List<ContractView> contractsOfResident(@PathVariable String id) {
        return residents.contractsOf(Requests.id(id, "id", ResidentId::new));
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "Link an institution's record (local MRN) to the resident")
    ResidentView link(@PathVariable String id, @RequestBody LinkRecordRequest body) {
        return residents.link(Requests.id(id, "id", ResidentId::new), body.command());
    }

    @GetMapping("/duplicates")
    @Operation(summary = "Possible duplicates awaiting review: same name, birth date and sex, different ID numbers")
    List<PossibleDuplicate> duplicates() {
        return residents.possibleDuplicates();
    }

    @GetMapping("/statistics")
    @Operation(summary = "Counts only (planners, offices, administrators)")
    ResidentStatistics statistics() {
        return residents.statistics();
    }

    // teams

    @PostMapping("/teams")
    @Operation(summary = "Form a family-doctor team at a primary institution (GP + nurse + ≥1 secondary/tertiary physician, NN-5)")
    ResponseEntity<TeamView> formTeam(@RequestBody FormTeamRequest body) {
        TeamView t = residents.formTeam(body.command());
        return ResponseEntity.created(URI.create("/api/residents/teams/" + t.id())).body(t);
    }

    @GetMapping("/teams")
    @Operation(summary = "Teams of a primary institution")
    List<TeamView> teams(@RequestParam("institution") String institution) {
        users.require();
        return residents.teamsOf(Requests.id(institution, "institution", InstitutionId::new));
    }

    @GetMapping("/teams/{id}")
    @Operation(summary = "One team")
    TeamView team(@PathVariable String id) {
        TeamId tid = Requests.id(id, "id", TeamId::new);
        return residents.team(tid).orElseThrow(() -> new NotFoundException("CareTeam", tid));
    }

    // contracts

    @PostMapping("/contracts")
    @Operation(summary = "Sign a 1+1+1 contract: resident + team + district hospital + municipal hospital; 409 when one is active")
    ResponseEntity<ContractView> sign(@RequestBody SignContractRequest body) {
        ContractView c = residents.signContract(body.command());
        return ResponseEntity.created(URI.create("/api/residents/contracts/" + c.id())).body(c);
    }

    @GetMapping("/contracts/{id}")
    @Operation(summary = "One contract (audited)")
    ContractView contract(@PathVariable String id) {
        var cid = Requests.contractId(id);
        return residents.contract(cid).orElseThrow(() -> new NotFoundException("Contract", cid));
    }

    @PostMapping("/contracts/{id}/renew")
    @Operation(summary = "Renew an active contract for a further period starting the day after it ends")
    ResponseEntity<ContractView> renew(@PathVariable String id, @RequestBody(required = false) RenewContractRequest body) {
        ContractView c = residents.renewContract(Requests.contractId(id), body == null ? null : body.command());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/residents/contracts/" + c.id())).body(c);
    }

    @PostMapping("/contracts/{id}/end")
    @Operation(summary = "End a contract early, with a reason")
    ContractView end(@PathVariable String id, @RequestBody EndContractRequest body) {
        return residents.endContract(Requests.contractId(id), body.command());
    }

    @GetMapping("/contracts")
    @Operation(summary = "Contracts in which an institution takes part (institution-scoped callers: their own institution only)")
    List<ContractView> contractsOfInstitution(@RequestParam("institution") String institution) {
        InstitutionId id = Requests.id(institution, "institution", InstitutionId::new);
        CurrentUser u = users.require();
        if (u.role() == Role.PLANNER) {
            throw new ForbiddenException(ResidentsError.PLANNER_SEES_STATISTICS_ONLY);
        }
        boolean own = u.scope().type() == ScopeType.INSTITUTION && id.value().equals(u.scope().referenceId());
        if (!u.isAdmin() && u.scope().type() != ScopeType.GLOBAL && !own) {
            throw new ForbiddenException(ResidentsError.NOT_OWN_INSTITUTION);
        }
        List<ContractView> list = residents.contractsOfInstitution(id);
        list.forEach(c -> audit.record(AuditAction.SEARCH, "contract", c.id().toString(), c.residentId().toString(),
                "contracts of institution " + id));
        return list;
    }
}
