package org.medunion.fhir.internal.diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ImportedReport;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.springframework.stereotype.Component;

/**
 * A member's HIS/LIS/PACS sends results in (decisions 0231, 0238): a {@code transaction} Bundle of DiagnosticReports
 * with their Observations and a PACS's ImagingStudy and Endpoint (entries of the Bundle or contained), or one
 * DiagnosticReport created with contained ones. The
 * diagnostics module records them all or none; a report the member sent before under the same identifier comes back
 * as recorded ({@code 200 OK}) instead of a second one ({@code 201 Created}). Every error names the element sent.
 */
@Component
public class ReportSubmissions {

    private static final Pattern FIELD = Pattern.compile("reports\\[(\\d+)]\\.(.*)");
    private static final Pattern OBSERVATION = Pattern.compile("observations\\[(\\d+)]\\.(\\w+)");
    /** The module's report fields → the DiagnosticReport element. */
    private static final Map<String, String> REPORT = Map.of("residentId", ".subject", "itemCode", ".code",
            "performerInstitutionId", ".performer", "status", ".status", "resultDate", ".effective[x]", "conclusion", ".conclusion",
            "studyUrl", ".presentedForm.url", "report", "");
    /** The module's observation fields → the Observation element. */
    private static final Map<String, String> OBSERVATIONS = Map.of("code", ".code", "name", ".code", "value", ".value[x]",
            "unit", ".valueQuantity.unit", "referenceRange", ".referenceRange");
    /** The module's study fields → the ImagingStudy element (decision 0238). */
    private static final Map<String, String> STUDY = Map.of("study.uid", ".identifier", "study.modality", ".modality",
            "study.series", ".numberOfSeries", "study.instances", ".numberOfInstances");

    private final DiagnosticsManagement diagnostics;

    ReportSubmissions(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether a transaction carries results (any DiagnosticReport entry) rather than a prescription. */
    public static boolean carriesReports(Bundle bundle) {
        return bundle.getEntry().stream().anyMatch(e -> e.getResource() instanceof DiagnosticReport);
    }

    /**
     * The transaction: each entry a POST of a DiagnosticReport, or of an Observation, ImagingStudy or Endpoint one of them
     * references.
     */
    public Bundle transaction(Bundle bundle) {
        Map<String, DiagnosticReportReader.Located> observations = new HashMap<>();
        Map<String, DiagnosticReportReader.Entry> studies = new HashMap<>();
        var reports = new ArrayList<Integer>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var entry = bundle.getEntry().get(i);
            String path = "Bundle.entry[" + i + "]";
            Resource resource = entry.getResource();
            String type = resource == null ? "" : resource.fhirType();
            if (!(resource instanceof DiagnosticReport || resource instanceof Observation || resource instanceof ImagingStudy
                    || resource instanceof Endpoint)) {
                throw new InvalidInputException(path + ".resource", "fhir.transactionContent");
            }
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || !type.equals(entry.getRequest().getUrl())) {
                throw new InvalidInputException(path + ".request", "fhir.transactionContent");
            }
            if (resource instanceof Observation o) {
                var located = new DiagnosticReportReader.Located(o, path + ".resource");
                if (entry.hasFullUrl()) {
                    observations.put(entry.getFullUrl(), located);
                }
                if (o.getIdElement().hasIdPart()) {
                    observations.put("Observation/" + o.getIdElement().getIdPart(), located);
                }
            } else if (resource instanceof DiagnosticReport) {
                reports.add(i);
            } else {
                index(studies, entry, new DiagnosticReportReader.Entry(resource, path + ".resource"));
            }
        }
        var read = new ArrayList<DiagnosticReportReader.Read>();
        for (int i : reports) {
            read.add(DiagnosticReportReader.read((DiagnosticReport) bundle.getEntry().get(i).getResource(),
                    "Bundle.entry[" + i + "].resource", observations::get, studies::get));
        }
        var response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (var imported : submit(read)) {
            var report = ReportToDiagnosticReportMapper.report(imported.report());
            response.addEntry().setResource(report).getResponse().setStatus(imported.created() ? "201 Created" : "200 OK")
                    .setLocation(report.getIdElement().toUnqualifiedVersionless().getValue())
                    .setLastModified(report.getIssued());
        }
        return response;
    }

    /** An ImagingStudy or Endpoint entry under its fullUrl and its {@code Type/id}. */
    private static void index(Map<String, DiagnosticReportReader.Entry> entries, Bundle.BundleEntryComponent entry,
                              DiagnosticReportReader.Entry located) {
        if (entry.hasFullUrl()) {
            entries.put(entry.getFullUrl(), located);
        }
        Resource r = located.resource();
        if (r.getIdElement().hasIdPart()) {
            entries.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), located);
        }
    }

    /** {@code POST /fhir/DiagnosticReport}: one report with its Observations (and an ImagingStudy, Endpoint) contained. */
    public ImportedReport create(DiagnosticReport report) {
        return submit(List.of(DiagnosticReportReader.read(report, "DiagnosticReport", reference -> null))).get(0);
    }

    private List<ImportedReport> submit(List<DiagnosticReportReader.Read> read) {
        try {
            return diagnostics.importReports(read.stream().map(DiagnosticReportReader.Read::command).toList());
        } catch (InvalidInputException e) {
            String field = element(e.field(), read);
            var translated = new InvalidInputException(field, e.code(), e.arguments().toArray());
            translated.initCause(e);
            throw translated;
        } catch (ForbiddenException e) {
            // the module refuses the performer (not the caller's institution, not a member) or the caller's role
            throw new RefusedElement(e, element(e.arguments().isEmpty() ? null : String.valueOf(e.arguments().get(0)), read));
        }
    }

    /** {@code reports[1].observations[0].value} → {@code Bundle.entry[3].resource.value[x]}. */
    static String element(@Nullable String field, List<DiagnosticReportReader.Read> read) {
        Matcher m = FIELD.matcher(field == null ? "" : field);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= read.size()) {
            return read.isEmpty() ? "Bundle" : read.get(0).path();
        }
        var r = read.get(Integer.parseInt(m.group(1)));
        String rest = m.group(2);
        Matcher o = OBSERVATION.matcher(rest);
        if (o.matches() && Integer.parseInt(o.group(1)) < r.observationPaths().size()) {
            return r.observationPaths().get(Integer.parseInt(o.group(1))) + OBSERVATIONS.getOrDefault(o.group(2), "");
        }
        if (rest.startsWith("identifier")) {
            return r.path() + ".identifier";
        }
        if (r.studyPath() != null && STUDY.containsKey(rest)) {
            return r.studyPath() + STUDY.get(rest);
        }
        if (r.endpointPath() != null && "studyUrl".equals(rest)) {
            return r.endpointPath() + ".address";
        }
        return r.path() + REPORT.getOrDefault(rest, "");
    }

    /** A refusal (403) naming the element it concerns, as the module's other errors do. */
    static final class RefusedElement extends MedUnionException {

        RefusedElement(MedUnionException cause, String field) {
            super(cause.code(), field, cause.arguments().toArray());
            initCause(cause);
        }

        @Override
        public int status() {
            return 403;
        }
    }
}
