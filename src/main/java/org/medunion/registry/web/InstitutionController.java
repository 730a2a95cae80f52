package org.medunion.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.PublicHealthDepartmentView;
import org.medunion.registry.PublicHealthDepartments;
import org.medunion.registry.RecordPublicHealthDepartment;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.StudyPeriodView;
import org.medunion.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry")
@Tag(name = "registry")
class InstitutionController {

    private final RegistryManagement registry;
    private final PublicHealthDepartments publicHealth;

    InstitutionController(RegistryManagement registry, PublicHealthDepartments publicHealth) {
        this.registry = registry;
        this.publicHealth = publicHealth;
    }

    @GetMapping("/institutions")
    @Operation(summary = "Search institutions in the caller's scope; X-Total-Count carries the number of matches")
    ResponseEntity<List<InstitutionView>> search(@RequestParam(required = false) String text,
                                                 @RequestParam(required = false) InstitutionCategory category,
                                                 @RequestParam(required = false) HospitalLevel level,
                                                 @RequestParam(required = false) Affiliation affiliation,
                                                 @RequestParam(required = false) String district,
                                                 @RequestParam(required = false) UUID consortium,
                                                 @RequestParam(required = false) Boolean primaryOnly,
                                                 @RequestParam(defaultValue = "0") int offset,
                                                 @RequestParam(defaultValue = "100") int limit) {
        var search = new InstitutionSearch(text, category, level, affiliation, district,
                consortium == null ? null : new ConsortiumId(consortium), primaryOnly, offset, limit);
        List<InstitutionView> page = registry.searchInstitutions(search);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(registry.countInstitutions(search))).body(page);
    }

    @PostMapping("/institutions")
    @Operation(summary = "Register an institution (credit code checked per GB 32100) — planners and administrators")
    ResponseEntity<InstitutionView> register(@RequestBody RegisterInstitution command) {
        InstitutionView i = registry.registerInstitution(command);
        return ResponseEntity.created(URI.create("/api/registry/institutions/" + i.id())).eTag(Versions.etag(i.version())).body(i);
    }

    @GetMapping("/institutions/{id}")
    @Operation(summary = "One institution; the ETag is its version")
    ResponseEntity<InstitutionView> institution(@PathVariable UUID id) {
        InstitutionView i = registry.institution(new InstitutionId(id)).orElseThrow(() -> new NotFoundException("Institution", id));
        return ResponseEntity.ok().eTag(Versions.etag(i.version())).body(i);
    }

    @PutMapping("/institutions/{id}")
    @Operation(summary = "Change an institution; send the version as If-Match (or ?version=); a stale version gives 409")
    ResponseEntity<InstitutionView> update(@PathVariable UUID id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           @RequestParam(required = false) Long version,
                                           @RequestBody RegisterInstitution command) {
        InstitutionView i = registry.updateInstitution(new InstitutionId(id), Versions.expected(ifMatch, version), command);
        return ResponseEntity.ok().eTag(Versions.etag(i.version())).body(i);
    }

    @GetMapping("/institutions/{id}/public-health-department")
    @Operation(summary = "The institution's standardised public-health department (NN-10); 404 when none is recorded")
    PublicHealthDepartmentView publicHealthDepartment(@PathVariable UUID id) {
        return publicHealth.publicHealthDepartment(new InstitutionId(id))
                .orElseThrow(() -> new NotFoundException("PublicHealthDepartment", id));
    }

    @PutMapping("/institutions/{id}/public-health-department")
    @Operation(summary = "Record or replace the institution's public-health department (NN-10) — planners and administrators")
    PublicHealthDepartmentView recordPublicHealthDepartment(@PathVariable UUID id, @RequestBody RecordPublicHealthDepartment command) {
        return publicHealth.recordPublicHealthDepartment(new InstitutionId(id), command);
    }

    @GetMapping("/practitioners")
    @Operation(summary = "Practitioners of an institution (personal data: the read is audited)")
    List<PractitionerView> practitioners(@RequestParam UUID institution) {
        return registry.practitioners(new InstitutionId(institution));
    }

    @PostMapping("/practitioners")
    @Operation(summary = "Register a practitioner — planners, administrators, the office of a consortium the institution belongs to")
    ResponseEntity<PractitionerView> registerPractitioner(@RequestBody RegisterPractitioner command) {
        PractitionerView p = registry.registerPractitioner(command);
        return ResponseEntity.created(URI.create("/api/registry/practitioners/" + p.id())).eTag(Versions.etag(p.version())).body(p);
    }

    @GetMapping("/practitioners/{id}")
    @Operation(summary = "One practitioner (audited read)")
    ResponseEntity<PractitionerView> practitioner(@PathVariable UUID id) {
        PractitionerView p = registry.practitioner(new PractitionerId(id)).orElseThrow(() -> new NotFoundException("Practitioner", id));
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @PutMapping("/practitioners/{id}")
    @Operation(summary = "Change a practitioner; version as If-Match (or ?version=)")
    ResponseEntity<PractitionerView> updatePractitioner(@PathVariable UUID id,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        @RequestParam(required = false) Long version,
                                                        @RequestParam(required = false) String overrideReason,
                                                        @RequestBody RegisterPractitioner command) {
        PractitionerView p = registry.updatePractitioner(new PractitionerId(id), Versions.expected(ifMatch, version), command,
                overrideReason);
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @GetMapping("/practitioners/{id}/study-periods")
    @Operation(summary = "Study periods (进修) of a practitioner (SH-14)")
    List<StudyPeriodView> studyPeriods(@PathVariable UUID id) {
        return registry.studyPeriods(new PractitionerId(id));
    }

    @PostMapping("/practitioners/{id}/study-periods")
    @Operation(summary = "Record a study period (进修) at a higher hospital (SH-14)")
    ResponseEntity<StudyPeriodView> recordStudyPeriod(@PathVariable UUID id, @RequestBody RecordStudyPeriod command) {
        StudyPeriodView s = registry.recordStudyPeriod(new PractitionerId(id), command);
        return ResponseEntity.status(201).body(s);
    }
}
