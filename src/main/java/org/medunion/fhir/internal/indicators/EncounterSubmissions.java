package org.medunion.fhir.internal.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.References;
import org.medunion.fhir.internal.Systems;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.IngestReport;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A member's HIS sends encounters as a {@code transaction} Bundle (decision 0258, profile in docs/indicators.md): every
 * entry a {@code POST Encounter} or a {@code POST Procedure} whose {@code encounter} names an Encounter entry by its
 * {@code fullUrl}. Each Encounter becomes one {@link EncounterRecord} handed to the indicators module with the same rules
 * as a CSV row (idempotent by institution and identifier, corrections, all or nothing, who may submit). The form is
 * checked here, the content by the module; every error names the element, and nothing is written.
 */
@Component
public class EncounterSubmissions {

    /** HL7 v3 ActCode, the binding of {@code Encounter.class}. */
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    /** The operation's level (手术分级 1–4) as {@code Procedure.category}. */
    static final String OPERATION_LEVEL = Systems.BASE + "/CodeSystem/operation-level";
    /** The discharge's DRG relative weight, an extension on the Encounter. */
    static final String EXT_DRG_WEIGHT = Systems.EXTENSION + "drg-weight";
    /** The discharge's DRG group code (e.g. CHS-DRG FM19), an extension on the Encounter ({@code valueCode}). */
    static final String EXT_DRG_GROUP = Systems.EXTENSION + "drg-group";

    private static final Map<String, EncounterKind> CLASSES = Map.of("AMB", EncounterKind.OUTPATIENT, "EMER",
            EncounterKind.EMERGENCY, "IMP", EncounterKind.INPATIENT);

    private final IndicatorsManagement indicators;

    EncounterSubmissions(IndicatorsManagement indicators) {
        this.indicators = indicators;
    }

    /** Whether a transaction carries encounters (any Encounter entry). */
    public static boolean carriesEncounters(Bundle bundle) {
        return bundle.getEntry().stream().anyMatch(e -> e.getResource() instanceof Encounter);
    }

    /** An Encounter entry being read: where it is, and the operation levels its Procedures add. */
    private record Read(Encounter encounter, String path, List<Integer> levels, List<String> procedurePaths) {
    }

    /** The transaction: one {@code 200 OK} per entry, the figures (rows, created, corrected, unchanged) on the first. */
    public Bundle transaction(Bundle bundle) {
        Map<String, Read> byUrl = new HashMap<>();
        var reads = new ArrayList<Read>();
        var procedures = new ArrayList<Integer>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var entry = bundle.getEntry().get(i);
            String path = "Bundle.entry[" + i + "]";
            Resource resource = entry.getResource();
            String type = resource == null ? "" : resource.fhirType();
            if (!(resource instanceof Encounter || resource instanceof Procedure)) {
                throw new InvalidInputException(path + ".resource", "fhir.encounterContent");
            }
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || !type.equals(entry.getRequest().getUrl())) {
                throw new InvalidInputException(path + ".request", "fhir.encounterContent");
            }
            if (resource instanceof Encounter e) {
                var read = new Read(e, path + ".resource", new ArrayList<>(), new ArrayList<>());
                reads.add(read);
                if (entry.hasFullUrl()) {
                    byUrl.put(entry.getFullUrl(), read);
                }
            } else {
                procedures.add(i);
            }
        }
        for (int i : procedures) {
            var p = (Procedure) bundle.getEntry().get(i).getResource();
            String path = "Bundle.entry[" + i + "].resource";
            Read target = byUrl.get(p.getEncounter().getReference());
            if (target == null) {
                throw new InvalidInputException(path + ".encounter", "fhir.encounterReference",
                        p.getEncounter().getReference() == null ? "" : p.getEncounter().getReference());
            }
            target.levels().add(level(p, path));
            target.procedurePaths().add(path);
        }
        var records = new ArrayList<EncounterRecord>();
        for (Read r : reads) {
            records.add(record(r));
        }
        IngestReport report = indicators.ingest(records);
        if (!report.accepted()) {
            var first = report.rejected().get(0);
            Read r = reads.get(Math.max(0, Math.min(reads.size() - 1, first.row() - 1)));
            throw new InvalidInputException(element(r, first.field()), "fhir.encounterRule", first.rule(), report.rejected().size());
        }
        // one response entry per request entry, in order; the batch's figures ride on the first one's outcome
        var response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            response.addEntry().getResponse().setStatus("200 OK");
        }
        var figures = new OperationOutcome();
        figures.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics("rows=%d created=%d corrected=%d unchanged=%d days=%d".formatted(report.rows(), report.created(),
                        report.corrected(), report.unchanged(), report.days()));
        response.getEntryFirstRep().getResponse().setOutcome(figures);
        return response;
    }

    private static int level(Procedure p, String path) {
        for (Coding c : p.getCategory().getCoding()) {
            if (OPERATION_LEVEL.equals(c.getSystem())) {
                try {
                    return Integer.parseInt(c.getCode() == null ? "" : c.getCode());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(path + ".category", "request.wrongType", c.getCode(), "1..4");
                }
            }
        }
        throw new InvalidInputException(path + ".category", "field.required");
    }

    private static EncounterRecord record(Read r) {
        Encounter e = r.encounter();
        String path = r.path();
        String source = e.getIdentifier().stream().map(i -> i.getValue()).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidInputException(path + ".identifier", "field.required"));
        if (!e.hasServiceProvider()) {
            throw new InvalidInputException(path + ".serviceProvider", "field.required");
        }
        var institution = References.uuid(e.getServiceProvider().getReference(), "Organization", path + ".serviceProvider");
        Coding cls = e.getClass_();
        if (cls == null || cls.getCode() == null) {
            throw new InvalidInputException(path + ".class", "field.required");
        }
        EncounterKind kind = CLASSES.get(cls.getCode());
        if (kind == null || (cls.hasSystem() && !ACT_CODE.equals(cls.getSystem()))) {
            throw new InvalidInputException(path + ".class", "request.unknownValue", cls.getCode(), "AMB, EMER, IMP");
        }
        Instant start = e.getPeriod().hasStart() ? e.getPeriod().getStart().toInstant() : null;
        Instant end = e.getPeriod().hasEnd() ? e.getPeriod().getEnd().toInstant() : null;
        Instant occurred;
        Instant admitted = null;
        if (kind == EncounterKind.INPATIENT) {
            if (end == null) {
                throw new InvalidInputException(path + ".period.end", "field.required");
            }
            occurred = end;
            admitted = start;
        } else {
            if (start == null) {
                throw new InvalidInputException(path + ".period.start", "field.required");
            }
            occurred = start;
        }
        ResidentId resident = e.hasSubject() && e.getSubject().hasReference()
                ? new ResidentId(References.uuid(e.getSubject().getReference(), "Patient", path + ".subject")) : null;
        BigDecimal weight = null;
        var ext = e.getExtensionByUrl(EXT_DRG_WEIGHT);
        if (ext != null) {
            if (!(ext.getValue() instanceof DecimalType d) || d.getValue() == null) {
                throw new InvalidInputException(path + ".extension", "request.wrongType", EXT_DRG_WEIGHT, "valueDecimal");
            }
            weight = d.getValue();
        }
        return new EncounterRecord(source, new InstitutionId(institution), kind, occurred, admitted, resident,
                diagnosis(e, path), weight, drgGroup(e, path), r.levels());
    }

    private static @Nullable String drgGroup(Encounter e, String path) {
        var ext = e.getExtensionByUrl(EXT_DRG_GROUP);
        if (ext == null) {
            return null;
        }
        if (!(ext.getValue() instanceof CodeType c) || c.getValue() == null) {
            throw new InvalidInputException(path + ".extension", "request.wrongType", EXT_DRG_GROUP, "valueCode");
        }
        return c.getValue();
    }

    /** The principal diagnosis: the first {@code diagnosis} (or the one ranked 1), a contained Condition with an ICD-10 code. */
    private static @Nullable String diagnosis(Encounter e, String path) {
        if (!e.hasDiagnosis()) {
            return null;
        }
        var d = e.getDiagnosis().stream().filter(x -> x.getRank() == 1).findFirst().orElse(e.getDiagnosisFirstRep());
        String ref = d.getCondition().getReference();
        @Nullable
        Resource contained = ref == null ? null : e.getContained().stream()
                .filter(c -> ref.equals("#" + c.getIdElement().getIdPart()) || ref.equals(c.getId())).findFirst().orElse(null);
        if (!(contained instanceof Condition c)) {
            throw new InvalidInputException(path + ".diagnosis.condition", "fhir.encounterReference", ref == null ? "" : ref);
        }
        return c.getCode().getCoding().stream().filter(x -> ICD10.equals(x.getSystem())).map(Coding::getCode)
                .filter(x -> x != null && !x.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidInputException(path + ".diagnosis.condition", "field.required"));
    }

    /** The module's row field → the element of the Encounter (or its first Procedure) it came from. */
    static String element(Read r, String field) {
        boolean inpatient = "IMP".equals(r.encounter().getClass_().getCode());
        return switch (field) {
            case "sourceRecordId" -> r.path() + ".identifier";
            case "institutionId" -> r.path() + ".serviceProvider";
            case "kind" -> r.path() + ".class";
            case "occurredAt" -> r.path() + (inpatient ? ".period.end" : ".period.start");
            case "admittedAt" -> r.path() + ".period.start";
            case "residentId" -> r.path() + ".subject";
            case "principalDiagnosis" -> r.path() + ".diagnosis.condition";
            case "drgWeight", "drgGroup" -> r.path() + ".extension";
            case "operationLevels" -> r.procedurePaths().isEmpty() ? r.path() : r.procedurePaths().get(0) + ".category";
            default -> r.path();
        };
    }
}
