package org.medunion.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.internal.EvaluationResult;
import org.medunion.policy.internal.PolicyError;
import org.medunion.policy.internal.PolicyService;
import org.medunion.policy.rules.Texts;
import org.medunion.policy.web.PolicyDtos.ChecklistDto;
import org.medunion.policy.web.PolicyDtos.ComplianceDto;
import org.medunion.policy.web.PolicyDtos.FindingDto;
import org.medunion.policy.web.PolicyDtos.ManualEvidenceRequest;
import org.medunion.policy.web.PolicyDtos.PackChoice;
import org.medunion.policy.web.PolicyDtos.ParameterOverrideRequest;
import org.medunion.policy.web.PolicyDtos.RuleDto;
import org.medunion.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policy")
@Tag(name = "policy", description = "Rule packs, findings, compliance reports and the NAT checklist (rules.md)")
class PolicyController {

    private final PolicyService service;
    private final ComplianceWorkbook workbook;

    PolicyController(PolicyService service, ComplianceWorkbook workbook) {
        this.service = service;
        this.workbook = workbook;
    }

    @GetMapping("/rules")
    @Operation(summary = "The rule catalogue: every rule of rules.md with pack, severity, coverage, seed clause and default parameters")
    List<RuleDto> rules() {
        service.caller();
        return service.catalogue().rules().stream().map(r -> RuleDto.of(r, service.title(r.id()))).toList();
    }

    @GetMapping("/packs")
    @Operation(summary = "The packs each jurisdiction applies")
    Object packs() {
        return service.packs();
    }

    @PutMapping("/packs/{jurisdiction}")
    @Operation(summary = "Choose the packs a jurisdiction applies (planner of the jurisdiction, admin)")
    Object setPacks(@PathVariable String jurisdiction, @RequestBody PackChoice body) {
        service.setPacks(jurisdiction, body == null ? null : body.packs());
        return service.packs().stream().filter(p -> p.jurisdiction().equals(jurisdiction)).toList();
    }

    @GetMapping("/overrides")
    @Operation(summary = "Parameter overrides (history, newest first) and blocked changes let through by planners")
    Object overrides() {
        // the evidence the planner saw, in the reader's language (its codes stay in evidenceCodes)
        var changes = service.overrides().stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("ruleId", o.ruleId());
            m.put("findingKey", o.findingKey());
            m.put("changeAction", o.changeAction());
            m.put("consortiumId", o.consortiumId());
            m.put("objects", o.objects());
            m.put("evidence", service.text(o.evidence()));
            m.put("evidenceCodes", Texts.keys(o.evidence()));
            m.put("reason", o.reason());
            m.put("createdBy", o.createdBy());
            m.put("createdAt", o.createdAt());
            return m;
        }).toList();
        return Map.of("parameters", service.parameterOverrides(), "changes", changes);
    }

    @PostMapping("/overrides")
    @Operation(summary = "Override a rule parameter for a jurisdiction with a reason (planner, admin), e.g. SH-3 max 2 → 3 for a district")
    ResponseEntity<Object> overrideParameter(@RequestBody ParameterOverrideRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", PolicyError.REQUIRED);
        }
        return ResponseEntity.status(201).body(service.overrideParameter(body.jurisdiction(), body.ruleId(), body.parameter(), body.value(),
                body.reason()));
    }

    @GetMapping("/findings")
    @Operation(summary = "Findings in the caller's scope; status OPEN, OVERRIDDEN, NO_DATA, RESOLVED or ALL (default: current)")
    List<FindingDto> findings(@RequestParam(required = false) String consortium, @RequestParam(required = false) String rule,
                              @RequestParam(required = false) String status) {
        var reasons = service.overrideReasons();
        return service.findings(uuid(consortium, "consortium"), rule, status).stream().map(f -> FindingDto.of(f, service, reasons))
                .toList();
    }

    @PostMapping("/evaluate")
    @Operation(summary = "Evaluate all packs over the registry now and keep the findings; returns counts and elapsed milliseconds", description = "Optional body {\"reason\": \"...\"}: why the evaluation was run, kept in the audit trail.")
    EvaluationResult evaluate(@RequestBody(required = false) @Valid EvaluateRequest request) {
        return service.evaluateNow(request == null ? null : request.reason());
    }

    /** Body of {@code POST /evaluate}; a malformed body is a 400 like everywhere else, an absent one is fine. */
    record EvaluateRequest(@Size(max = 400) String reason) {
    }

    @GetMapping("/compliance/consortia/{id}")
    @Operation(summary = "Compliance report of a consortium: every rule of its packs with status and findings")
    ComplianceDto consortium(@PathVariable String id, @RequestParam(required = false) LocalDate asOf) {
        return ComplianceDto.of(service.consortiumReport(pathId(id, "id"), asOf), service);
    }

    @PostMapping("/compliance/consortia/{id}/evaluate")
    @Operation(summary = "Re-evaluate for one consortium (office: its own; planner: its jurisdiction; admin) and return its report")
    ComplianceDto reevaluate(@PathVariable String id) {
        return ComplianceDto.of(service.reevaluateConsortium(pathId(id, "id")), service);
    }

    @GetMapping("/reports/dispatched-staff/{consortiumId}")
    @Operation(summary = "SH-12 report: long-term (≥ 2 years) dispatched managers and experts of a trusteeship with their qualifications")
    Object dispatchedStaff(@PathVariable String consortiumId, @RequestParam(required = false) LocalDate asOf) {
        return service.dispatchReport(pathId(consortiumId, "consortiumId"), asOf);
    }

    @GetMapping("/compliance/jurisdictions/{code}")
    @Operation(summary = "Compliance report of a jurisdiction (GB/T 2260 code)")
    ComplianceDto jurisdiction(@PathVariable String code, @RequestParam(required = false) LocalDate asOf) {
        return ComplianceDto.of(service.jurisdictionReport(code, asOf), service);
    }

    @GetMapping("/compliance/jurisdictions/{code}/export.xlsx")
    @Operation(summary = "The jurisdiction's compliance report as an Excel workbook")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) LocalDate asOf) {
        byte[] bytes = workbook.write(service.jurisdictionReport(code, asOf));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"compliance-" + code + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(bytes);
    }

    @GetMapping("/checklist/{consortiumId}")
    @Operation(summary = "The national 15-criterion checklist (NAT-1…NAT-15) of a tight group, with platform and manual evidence")
    ChecklistDto checklist(@PathVariable String consortiumId) {
        return ChecklistDto.of(service.checklist(pathId(consortiumId, "consortiumId")), service);
    }

    @PostMapping("/checklist/{consortiumId}")
    @Operation(summary = "Record manual evidence for one criterion (office, planner, admin)")
    ResponseEntity<ChecklistDto> addEvidence(@PathVariable String consortiumId, @RequestBody ManualEvidenceRequest body) {
        UUID id = pathId(consortiumId, "consortiumId");
        if (body == null) {
            throw new InvalidInputException("body", PolicyError.REQUIRED);
        }
        service.recordManualEvidence(id, body.criterion(), body.text());
        return ResponseEntity.status(201).body(ChecklistDto.of(service.checklist(id), service));
    }

    /** A path variable's id: Spring matches no empty path segment, so the value is never missing. */
    /** A consortium id from the path; a blank one (only spaces) is a 400 naming the field, like a malformed one. */
    private static UUID pathId(String value, String field) {
        UUID id = uuid(value, field);
        if (id == null) {
            throw new InvalidInputException(field, "field.required");
        }
        return id;
    }

    static @Nullable UUID uuid(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, PolicyError.INVALID_ID, value);
        }
    }
}
