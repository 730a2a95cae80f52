package org.medunion.fhir.internal.diagnostics;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ReportStudy;
import org.medunion.fhir.internal.References;
import org.medunion.shared.InvalidInputException;

/**
 * The ImagingStudy a PACS sends with its DiagnosticReport (decision 0238): referenced by {@code imagingStudy}, an entry
 * of the same transaction (by its {@code fullUrl}, {@code urn:uuid:…}) or contained in the report, with its Endpoint
 * likewise. Read: the Study Instance UID ({@code identifier}, system {@code urn:dicom:uid}, value {@code urn:oid:…}),
 * modalities, started, numbers of series and instances, and the Endpoint's address — the report's study link (images
 * stay at the centre). Checked here: one study per report, the report's patient, a UID given, an address given; the
 * UID's form and the numbers are the module's.
 */
final class StudyReader {

    static final String DICOM_UID = "urn:dicom:uid";
    static final String OID = "urn:oid:";

    private StudyReader() {
    }

    /** The study read, the path of its element, and its endpoint's address and path (null without an Endpoint). */
    record Study(ReportStudy study, String path, @Nullable String address, @Nullable String endpointPath) {
    }

    static @Nullable Study read(DiagnosticReport d, String path, UUID subject, DiagnosticReportReader.Entries entries) {
        if (d.getImagingStudy().isEmpty()) {
            return null;
        }
        if (d.getImagingStudy().size() > 1) {
            throw new InvalidInputException(path + ".imagingStudy[1]", "fhir.oneStudy");
        }
        var found = resolve(d, d.getImagingStudyFirstRep(), ImagingStudy.class, path + ".imagingStudy[0]", path, entries);
        var s = (ImagingStudy) found.resource();
        String at = found.path();
        String patient = s.getSubject().getReference();
        if (patient == null || !subject.equals(References.uuid(patient, "Patient", at + ".subject"))) {
            throw new InvalidInputException(at + ".subject", "fhir.studySubject");
        }
        Identifier uid = s.getIdentifier().stream()
                .filter(i -> DICOM_UID.equals(i.getSystem()) || i.hasValue() && i.getValue().startsWith(OID))
                .filter(Identifier::hasValue).findFirst()
                .orElseThrow(() -> new InvalidInputException(at + ".identifier", "field.required"));
        String value = uid.getValue().startsWith(OID) ? uid.getValue().substring(OID.length()) : uid.getValue();
        List<String> modalities = s.getModality().stream().map(c -> Objects.requireNonNullElse(c.getCode(), "")).toList();
        var study = new ReportStudy(value, modalities, s.hasStarted() ? s.getStarted().toInstant() : null,
                s.hasNumberOfSeries() ? s.getNumberOfSeries() : null, s.hasNumberOfInstances() ? s.getNumberOfInstances() : null);
        if (!s.hasEndpoint()) {
            return new Study(study, at, null, null);
        }
        var endpoint = resolve(d, s.getEndpointFirstRep(), Endpoint.class, at + ".endpoint[0]", path, entries);
        var e = (Endpoint) endpoint.resource();
        if (!e.hasAddress() || e.getAddress().isBlank()) {
            throw new InvalidInputException(endpoint.path() + ".address", "field.required");
        }
        return new Study(study, at, e.getAddress().strip(), endpoint.path());
    }

    /** The resource a reference names: contained in the report, an entry of the transaction, or resolved by the parser. */
    private static DiagnosticReportReader.Entry resolve(DiagnosticReport d, Reference reference, Class<? extends Resource> type,
                                                        String field, String path, DiagnosticReportReader.Entries entries) {
        var contained = DiagnosticReportReader.contained(d, reference, type, path);
        if (contained != null) {
            return contained;
        }
        String ref = reference.getReference();
        var found = ref == null ? null : entries.find(ref);
        if (found != null && type.isInstance(found.resource())) {
            return found;
        }
        if (type.isInstance(reference.getResource())) {
            return new DiagnosticReportReader.Entry((Resource) reference.getResource(), field);
        }
        throw new InvalidInputException(field, "fhir.studyReference", Objects.requireNonNullElse(ref, ""), type.getSimpleName());
    }

    /** The modality as exported: DICOM's code system. */
    static Coding modality(String code) {
        return new Coding("http://dicom.nema.org/resources/ontology/DCM", code, null);
    }
}
