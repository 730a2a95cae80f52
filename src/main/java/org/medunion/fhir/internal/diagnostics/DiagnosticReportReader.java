package org.medunion.fhir.internal.diagnostics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ImportReport;
import org.medunion.diagnostics.RecordReport;
import org.medunion.fhir.internal.References;
import org.medunion.shared.InvalidInputException;

/**
 * Reads a DiagnosticReport a member sends in (docs/fhir.md "Sending results") with its Observations — contained, or
 * entries of the same transaction — into the diagnostics module's {@link ImportReport}. Only the form is checked here,
 * each problem naming the element; who may send it, the resident, the item and the identifier are the module's.
 */
final class DiagnosticReportReader {

    /** HL7 v3 ObservationInterpretation: critical high / critical low. */
    private static final List<String> CRITICAL = List.of("HH", "LL", "AA");

    private DiagnosticReportReader() {
    }

    /** An Observation and the path of its element in the request ({@code Bundle.entry[3].resource}). */
    record Located(Observation observation, String path) {
    }

    /** Finds a referenced Observation outside the report (a bundle entry); null when there is none. */
    interface Observations {

        @Nullable
        Located find(String reference);
    }

    /** A resource of the transaction and the path of its element ({@code Bundle.entry[2].resource}). */
    record Entry(Resource resource, String path) {
    }

    /** Finds a referenced ImagingStudy or Endpoint among the transaction's entries; null when there is none. */
    interface Entries {

        @Nullable
        Entry find(String reference);
    }

    /**
     * The command and the paths its errors are named by: the report's, each observation's in order, and the imaging
     * study's and its endpoint's when a PACS sent them (else null).
     */
    record Read(ImportReport command, String path, List<String> observationPaths, @Nullable String studyPath,
                @Nullable String endpointPath) {
    }

    static Read read(DiagnosticReport d, String path, Observations bundled) {
        return read(d, path, bundled, reference -> null);
    }

    static Read read(DiagnosticReport d, String path, Observations bundled, Entries entries) {
        Identifier identifier = d.getIdentifier().stream()
                .filter(i -> i.hasSystem() && i.hasValue() && !ReportToDiagnosticReportMapper.ID_REPORT.equals(i.getSystem()))
                .findFirst().orElseThrow(() -> new InvalidInputException(path + ".identifier", "field.required"));
        UUID subject = References.uuid(d.getSubject().getReference(), "Patient", path + ".subject");
        var observations = ObservationValues.list();
        var paths = new ArrayList<String>();
        boolean critical = false;
        for (int i = 0; i < d.getResult().size(); i++) {
            Located o = observation(d, d.getResult().get(i), path + ".result[" + i + "]", path, bundled);
            checkSubject(o, subject);
            observations.add(ObservationValues.of(value(o, itemCode(d.getCode(), path + ".code"))));
            paths.add(o.path());
            critical |= critical(o.observation());
        }
        StudyReader.Study study = StudyReader.read(d, path, subject, entries);
        String presented = d.hasPresentedForm() && d.getPresentedFormFirstRep().hasUrl() ? d.getPresentedFormFirstRep().getUrl() : null;
        var report = new RecordReport(subject, itemCode(d.getCode(), path + ".code"), performer(d, path), status(d, path),
                effective(d, path), critical, d.hasConclusion() ? d.getConclusion() : null,
                study != null && study.address() != null ? study.address() : presented, observations);
        return new Read(new ImportReport(report, identifier.getSystem(), identifier.getValue(), study == null ? null : study.study()),
                path, paths, study == null ? null : study.path(), study == null ? null : study.endpointPath());
    }

    /** A catalogue coding (MedUnion's item system), else the member's own code (any other coding). */
    private static String itemCode(CodeableConcept code, String field) {
        return code.getCoding().stream().filter(c -> ReportToDiagnosticReportMapper.ITEM_SYSTEM.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode).findFirst()
                .or(() -> code.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst())
                .orElseThrow(() -> new InvalidInputException(field, "field.required"));
    }

    private static @Nullable UUID performer(DiagnosticReport d, String path) {
        for (int i = 0; i < d.getPerformer().size(); i++) {
            String ref = d.getPerformer().get(i).getReference();
            if (ref != null && ref.startsWith("Organization/")) {
                return References.uuid(ref, "Organization", path + ".performer[" + i + "]");
            }
        }
        return null;
    }

    /** final, preliminary, amended (corrected and appended are amendments); the others are not results to recognise. */
    private static String status(DiagnosticReport d, String path) {
        if (!d.hasStatus()) {
            throw new InvalidInputException(path + ".status", "field.required");
        }
        return switch (d.getStatus()) {
            case FINAL -> "FINAL";
            case PRELIMINARY -> "PRELIMINARY";
            case AMENDED, CORRECTED, APPENDED -> "AMENDED";
            default -> throw new InvalidInputException(path + ".status", "request.unknownValue", d.getStatus().toCode(),
                    "final, preliminary, amended, corrected, appended");
        };
    }

    /** The day of {@code effectiveDateTime} (or of the period's start) as written, no time zone shift. */
    private static LocalDate effective(DiagnosticReport d, String path) {
        DateTimeType t = d.hasEffectiveDateTimeType() ? d.getEffectiveDateTimeType()
                : d.hasEffectivePeriod() && d.getEffectivePeriod().hasStart() ? d.getEffectivePeriod().getStartElement() : null;
        if (t == null || t.getYear() == null) {
            throw new InvalidInputException(path + ".effective[x]", "field.required");
        }
        return LocalDate.of(t.getYear(), t.getMonth() + 1, t.getDay());
    }

    private static Located observation(DiagnosticReport d, Reference result, String field, String path, Observations bundled) {
        String ref = result.getReference();
        Entry contained = contained(d, result, Observation.class, path);
        if (contained != null) {
            return new Located((Observation) contained.resource(), contained.path());
        }
        Located found = ref == null ? null : bundled.find(ref);
        if (found != null) {
            return found;
        }
        if (result.getResource() instanceof Observation resolved) {
            return new Located(resolved, field);
        }
        throw new InvalidInputException(field, "fhir.resultReference", Objects.requireNonNullElse(ref, ""));
    }

    /** The resource of {@code type} contained in the report that {@code reference} names ({@code #id}), else null. */
    static @Nullable Entry contained(DiagnosticReport d, Reference reference, Class<? extends Resource> type, String path) {
        String ref = reference.getReference();
        for (int i = 0; i < d.getContained().size(); i++) {
            Resource c = d.getContained().get(i);
            if (type.isInstance(c) && (c == reference.getResource()
                    || ref != null && ref.startsWith("#") && ref.substring(1).equals(localId(c)))) {
                return new Entry(c, path + ".contained[" + i + "]");
            }
        }
        return null;
    }

    /** A contained resource's id without the {@code #} HAPI may keep. */
    private static String localId(Resource r) {
        String id = Objects.requireNonNullElse(r.getIdElement().getIdPart(), "");
        return id.startsWith("#") ? id.substring(1) : id;
    }

    private static void checkSubject(Located o, UUID subject) {
        Reference s = o.observation().getSubject();
        if (s.hasReference() && !subject.equals(References.uuid(s.getReference(), "Patient", o.path() + ".subject"))) {
            throw new InvalidInputException(o.path() + ".subject", "fhir.subjectMixed");
        }
    }

    /** Code, name, the value as written (quantity with its unit, or text), unit, the reference range as text. */
    private static String[] value(Located located, String itemCode) {
        Observation o = located.observation();
        Coding coding = o.getCode().getCoding().stream().filter(Coding::hasCode).findFirst().orElse(null);
        String code = coding == null ? itemCode : coding.getCode();
        String name = coding != null && coding.hasDisplay() ? coding.getDisplay() : o.getCode().hasText() ? o.getCode().getText() : code;
        String value = null;
        String unit = null;
        if (o.hasValueQuantity()) {
            Quantity q = o.getValueQuantity();
            if (!q.hasValue()) {
                throw new InvalidInputException(located.path() + ".valueQuantity.value", "field.required");
            }
            value = q.getValue().toPlainString();
            unit = q.hasUnit() ? q.getUnit() : q.getCode();
        } else if (o.getValue() instanceof StringType s) {
            value = s.getValue();
        } else if (o.hasValueCodeableConcept()) {
            value = o.getValueCodeableConcept().hasText() ? o.getValueCodeableConcept().getText()
                    : o.getValueCodeableConcept().getCodingFirstRep().getDisplay();
        }
        return new String[] {code, name, value, unit, range(o)};
    }

    private static @Nullable String range(Observation o) {
        if (!o.hasReferenceRange()) {
            return null;
        }
        var r = o.getReferenceRangeFirstRep();
        if (r.hasText()) {
            return r.getText();
        }
        Range range = new Range().setLow(r.getLow()).setHigh(r.getHigh());
        String low = range.hasLow() && range.getLow().hasValue() ? range.getLow().getValue().toPlainString() : "";
        String high = range.hasHigh() && range.getHigh().hasValue() ? range.getHigh().getValue().toPlainString() : "";
        return low.isEmpty() && high.isEmpty() ? null : low + "-" + high;
    }

    private static boolean critical(Observation o) {
        return o.getInterpretation().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> c.hasCode() && CRITICAL.contains(c.getCode()));
    }
}
