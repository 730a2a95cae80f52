package org.medunion.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.medunion.registry.AddMember;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DissolveConsortium;
import org.medunion.registry.EndMembership;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.LogWork;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.WorkLogView;
import org.medunion.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry")
@Tag(name = "registry")
class ConsortiumController {

    private final RegistryManagement registry;

    ConsortiumController(RegistryManagement registry) {
        this.registry = registry;
    }

    @GetMapping("/consortia")
    @Operation(summary = "Consortia in the caller's scope, with their members")
    List<ConsortiumView> consortia() {
        return registry.consortia();
    }

    @PostMapping("/consortia")
    @Operation(summary = "Form a consortium with its first members; writes a CREATION change report (SH-10)")
    ResponseEntity<ConsortiumView> form(@RequestBody FormConsortium command) {
        ConsortiumView c = registry.formConsortium(command);
        return ResponseEntity.created(URI.create("/api/registry/consortia/" + c.id())).body(c);
    }

    @GetMapping("/consortia/{id}")
    @Operation(summary = "One consortium (404 outside the caller's scope)")
    ConsortiumView consortium(@PathVariable UUID id) {
        return registry.consortium(new ConsortiumId(id)).orElseThrow(() -> new NotFoundException("Consortium", id));
    }

    @PostMapping("/consortia/{id}/members")
    @Operation(summary = "Add a member; writes an ADJUSTMENT change report (SH-10)")
    ConsortiumView addMember(@PathVariable UUID id, @RequestBody AddMember command) {
        return registry.addMember(new ConsortiumId(id), command);
    }

    @PostMapping("/consortia/{id}/members/{membershipId}/end")
    @Operation(summary = "End a membership (never deleted); writes an ADJUSTMENT change report (SH-10)")
    ConsortiumView endMembership(@PathVariable UUID id, @PathVariable UUID membershipId, @RequestBody EndMembership command) {
        var c = command == null ? null : new EndMembership(membershipId, command.endDate(), command.reason(), command.overrideReason());
        return registry.endMembership(new ConsortiumId(id), c);
    }

    @PostMapping("/consortia/{id}/dissolve")
    @Operation(summary = "Dissolve a consortium; all memberships end; writes a DISSOLUTION change report (SH-10)")
    ConsortiumView dissolve(@PathVariable UUID id, @RequestBody DissolveConsortium command) {
        return registry.dissolveConsortium(new ConsortiumId(id), command);
    }

    @GetMapping("/consortia/{id}/agreements")
    @Operation(summary = "Agreements and charter of a consortium")
    List<AgreementView> agreements(@PathVariable UUID id) {
        return registry.agreements(new ConsortiumId(id));
    }

    @PostMapping("/consortia/{id}/agreements")
    @Operation(summary = "Record a cooperation or trusteeship agreement or the charter (SH-6, NN-7)")
    ResponseEntity<AgreementView> recordAgreement(@PathVariable UUID id, @RequestBody RecordAgreement command) {
        return ResponseEntity.status(201).body(registry.recordAgreement(new ConsortiumId(id), command));
    }

    @GetMapping("/consortia/{id}/dispatches")
    @Operation(summary = "Dispatched managers and experts of a consortium")
    List<DispatchView> dispatches(@PathVariable UUID id) {
        return registry.dispatches(new ConsortiumId(id));
    }

    @PostMapping("/consortia/{id}/dispatches")
    @Operation(summary = "Dispatch a manager or expert to a member institution (SH-7, SH-8, SH-9)")
    ResponseEntity<DispatchView> dispatch(@PathVariable UUID id, @RequestBody DispatchStaff command) {
        return ResponseEntity.status(201).body(registry.dispatchStaff(new ConsortiumId(id), command));
    }

    @GetMapping("/dispatches/{id}/work-logs")
    @Operation(summary = "Work logs of a dispatched person")
    List<WorkLogView> workLogs(@PathVariable UUID id) {
        return registry.workLogs(id);
    }

    @PostMapping("/dispatches/{id}/work-logs")
    @Operation(summary = "Log a day worked on site")
    ResponseEntity<WorkLogView> logWork(@PathVariable UUID id, @RequestBody LogWork command) {
        return ResponseEntity.status(201).body(registry.logWork(id, command));
    }
}
