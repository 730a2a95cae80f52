package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * FHIR for diagnostics (issue 15, decision 0230): DiagnosticReport and Observation with the recognition mark as a tag,
 * orders to a centre as ServiceRequest + Task, recognition decisions as DetectedIssue, QC as VerificationResult, imaging
 * studies with their Endpoint — read and searched, scoped like the REST reads (another institution's clinician, a planner
 * of another jurisdiction and an anonymous caller get nothing), valid against R4 with MedUnion's code systems, listed
 * in the CapabilityStatement; a bad search parameter is a 400 naming it. Runs on H2 and PostgreSQL.
 */
abstract class DiagnosticsFhirContract extends RunningCity {

    @Autowired
    DiagnosticsManagement diagnostics;

    @Test
    void reportsAndObservationsOfAPatientAreReadScopedAndValid() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String report = w.report(w.hba1c, w.lead, 40);
        String ct = w.report(w.resident, w.ct, w.lead, w.today.minusDays(3), "PRELIMINARY", false, "https://pacs.example/viewer?s=1");

        var bundle = w.as(w.gp).getFhir("/fhir/DiagnosticReport?patient=Patient/" + w.resident);
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        FhirValidation.assertValid(bundle.body());
        assertThat(ids(bundle.json())).contains(report, ct);
        var read = w.as(w.gp).getFhir("/fhir/DiagnosticReport/" + report);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        JsonNode r = read.json();
        assertThat(r.get("status").asString()).isEqualTo("final");
        assertThat(r.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(r.get("performer").get(0).get("reference").asString()).isEqualTo("Organization/" + w.lead);
        assertThat(r.get("code").get("coding").get(0).get("code").asString()).isEqualTo(w.hba1c);
        assertThat(r.get("extension").get(0).get("valueString").asString()).isEqualTo("全国HR");
        assertThat(r.get("meta").get("tag").get(0).get("system").asString()).endsWith("/CodeSystem/recognition-scope");
        assertThat(r.get("meta").get("tag").get(0).get("code").asString()).isEqualTo("全国HR");
        String observation = r.get("result").get(0).get("reference").asString();
        assertThat(observation).isEqualTo("Observation/" + report + "-1");
        var preliminary = w.as(w.gp).getFhir("/fhir/DiagnosticReport/" + ct).json();
        assertThat(preliminary.get("status").asString()).isEqualTo("preliminary");
        assertThat(preliminary.get("presentedForm").get(0).get("url").asString()).startsWith("https://pacs.example/");

        var obs = w.as(w.gp).getFhir("/fhir/" + observation);
        assertThat(obs.status()).as(obs.body()).isEqualTo(200);
        FhirValidation.assertValid(obs.body());
        assertThat(obs.json().get("valueQuantity").get("value").asDouble()).isEqualTo(6.1);
        assertThat(obs.json().get("derivedFrom").get(0).get("reference").asString()).isEqualTo("DiagnosticReport/" + report);
        assertThat(obs.json().get("meta").get("tag").get(0).get("code").asString()).isEqualTo("全国HR");
        var observations = w.as(w.gp).getFhir("/fhir/Observation?patient=" + w.resident);
        assertThat(observations.status()).as(observations.body()).isEqualTo(200);
        FhirValidation.assertValid(observations.body());
        assertThat(ids(observations.json())).contains(report + "-1");
        assertThat(w.as(w.gp).getFhir("/fhir/Observation/" + report + "-9").status()).isEqualTo(404);

        // another institution's clinician: nothing, the same as for an unknown patient
        assertThat(w.as(w.outsider).getFhir("/fhir/DiagnosticReport/" + report).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).getFhir("/fhir/" + observation).status()).isEqualTo(404);
        assertThat(ids(w.as(w.outsider).getFhir("/fhir/DiagnosticReport?patient=Patient/" + w.resident).json())).isEmpty();
        assertThat(ids(w.as(w.outsider).getFhir("/fhir/Observation?patient=Patient/" + w.resident).json())).isEmpty();
        var bad = w.as(w.gp).getFhir("/fhir/DiagnosticReport?patient=Patient/not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("OperationOutcome").contains("patient");
    }

    @Test
    void recognisableOffersTheResultsWithWindowReasonsAndMarkOnlyWithACareRelationship() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String report = w.report(w.hba1c, w.lead, 40);

        var r = w.as(w.gp).getFhir("/fhir/Patient/" + w.resident + "/$recognisable?code=" + w.hba1c);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        List<String> names = new ArrayList<>();
        StringBuilder candidates = new StringBuilder();
        for (JsonNode p : r.json().get("parameter")) {
            names.add(p.get("name").asString());
            if (p.get("name").asString().equals("candidate")) {
                candidates.append(p);
            }
        }
        assertThat(names).contains("item", "windowDays", "candidate", "offer");
        assertThat(candidates.toString()).contains("DiagnosticReport/" + report).contains("WITHIN_WINDOW")
                .contains("\"valueBoolean\":true").contains("全国HR");
        assertThat(r.body()).contains("DetectedIssue");

        // knowing the id is not a relationship: the same 404 as for an unknown patient
        var outsider = w.as(w.outsider).getFhir("/fhir/Patient/" + w.resident + "/$recognisable?code=" + w.hba1c);
        assertThat(outsider.status()).as(outsider.body()).isEqualTo(404);
        assertThat(outsider.body()).doesNotContain(report);
        var unknown = w.as(w.gp).getFhir("/fhir/Patient/" + java.util.UUID.randomUUID() + "/$recognisable?code=" + w.hba1c);
        assertThat(unknown.status()).isEqualTo(404);
        var noCode = w.as(w.gp).getFhir("/fhir/Patient/" + w.resident + "/$recognisable");
        assertThat(noCode.status()).isEqualTo(400);
        var metadata = Api.anonymous(port).getFhir("/fhir/metadata");
        assertThat(metadata.body()).contains("recognisable");
    }

    @Test
    void theCapabilityStatementListsDiagnosticReportAndObservationWithTheirPatientSearch() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        assertThat(r.status()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        List<String> found = new ArrayList<>();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            String type = res.get("type").asString();
            if (type.equals("DiagnosticReport") || type.equals("Observation")) {
                List<String> params = new ArrayList<>();
                res.get("searchParam").forEach(p -> params.add(p.get("name").asString()));
                assertThat(params).as(type).contains("patient");
                List<String> interactions = new ArrayList<>();
                res.get("interaction").forEach(i -> interactions.add(i.get("code").asString()));
                assertThat(interactions).as(type).contains("read", "search-type");
                found.add(type);
            }
        }
        assertThat(found).containsExactlyInAnyOrder("DiagnosticReport", "Observation");
    }

    @Test
    void anOrderIsAServiceRequestAndATaskTheCentreWorksOnAndOnlyTheSidesSee() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        var strict = strict(w.as(w.gp));
        var placed = DiagnosticsFixture.ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s","urgent":true}""".formatted(w.resident, w.potassium, w.centre)), 201);
        String order = placed.get("id").asString();
        String id = order + "-order";

        var sr = w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id);
        assertThat(sr.status()).as(sr.body()).isEqualTo(200);
        strict.check(sr.body());
        assertThat(sr.json().get("status").asString()).isEqualTo("active");
        assertThat(sr.json().get("intent").asString()).isEqualTo("order");
        assertThat(sr.json().get("priority").asString()).isEqualTo("urgent");
        assertThat(sr.json().get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(sr.json().get("requester").get("reference").asString()).isEqualTo("Organization/" + w.primary);
        assertThat(sr.json().get("performer").get(0).get("reference").asString()).isEqualTo("Organization/" + w.lead);
        assertThat(sr.json().get("code").get("coding").get(0).get("code").asString()).isEqualTo(w.potassium);
        assertThat(sr.json().get("code").get("coding").get(0).get("system").asString()).endsWith("/diagnostic-item");
        assertThat(sr.json().get("category").get(0).toString()).contains("centre-order").contains("108252007");

        var task = w.as(w.centreStaff).getFhir("/fhir/Task/" + id);
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        strict.check(task.body());
        assertThat(task.json().get("status").asString()).isEqualTo("requested");
        assertThat(task.json().get("owner").get("reference").asString()).isEqualTo("Organization/" + w.lead);
        assertThat(task.json().get("focus").get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        assertThat(OffsetDateTime.parse(task.json().get("restriction").get("period").get("end").asString()).toInstant())
                .isEqualTo(Instant.parse(placed.get("dueAt").asString()).truncatedTo(ChronoUnit.SECONDS));

        // the centre's work list, as for the pharmacist's review Task; the ordering side's view by patient
        var queue = w.as(w.centreStaff).getFhir("/fhir/Task?code=centre-order&owner=Organization/" + w.lead + "&status=requested");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        strict.check(queue.body());
        assertThat(ids(queue.json())).contains(id);
        assertThat(ids(w.as(w.gp).getFhir("/fhir/ServiceRequest?category=centre-order&patient=Patient/" + w.resident).json()))
                .containsExactly(id);
        assertThat(ids(w.as(w.gp).getFhir("/fhir/Task?code=centre-order&status=completed&patient=" + w.resident).json())).isEmpty();

        // the centre's LIS moves the Task through the same steps as REST, version-checked
        var stale = w.as(w.centreStaff).putFhir("/fhir/Task/" + id, taskBody(id, "received"), "W/\"7\"");
        assertThat(stale.status()).as(stale.body()).isIn(409, 412);
        var received = w.as(w.centreStaff).putFhir("/fhir/Task/" + id, taskBody(id, "received"), "W/\"1\"");
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("status").asString()).isEqualTo("received");
        assertThat(w.as(w.gp).putFhir("/fhir/Task/" + id, taskBody(id, "in-progress"), "W/\"2\"").status()).isEqualTo(403);
        var done = w.as(w.centreStaff).putFhir("/fhir/Task/" + id, taskBody(id, "completed"), "W/\"2\"");
        assertThat(done.status()).isEqualTo(400);
        assertThat(done.body()).contains("OperationOutcome").contains("Task.status");
        assertThat(DiagnosticsFixture.ok(w.as(w.gp).get("/api/diagnostics/orders/" + order), 200).get("status").asString())
                .isEqualTo("RECEIVED");

        // reported with a critical result: completed, awaiting the ordering clinician's acknowledgement, output the report
        var reported = DiagnosticsFixture.ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + order + "/report", """
                {"status":"FINAL","resultDate":"%s","critical":true,"observations":[{"code":"K","name":"钾","value":"6.8"}]}"""
                .formatted(w.today)), 200);
        var completed = w.as(w.gp).getFhir("/fhir/Task/" + id).json();
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("businessStatus").get("coding").get(0).get("code").asString()).isEqualTo("critical-unacknowledged");
        String report = reported.get("reportId").asString();
        assertThat(completed.get("output").get(0).get("valueReference").get("reference").asString())
                .isEqualTo("DiagnosticReport/" + report);
        assertThat(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id).json().get("status").asString()).isEqualTo("completed");
        assertThat(w.as(w.gp).getFhir("/fhir/DiagnosticReport/" + report).json().get("basedOn").get(0).get("reference").asString())
                .isEqualTo("ServiceRequest/" + id);

        // nobody else: another institution's GP, a planner of another jurisdiction, an anonymous caller
        for (String user : List.of(w.outsider, otherJurisdiction())) {
            assertThat(w.as(user).getFhir("/fhir/ServiceRequest/" + id).status()).as(user).isEqualTo(404);
            assertThat(w.as(user).getFhir("/fhir/Task/" + id).status()).as(user).isEqualTo(404);
            assertThat(ids(w.as(user).getFhir("/fhir/Task?code=centre-order&patient=Patient/" + w.resident).json())).isEmpty();
            assertThat(ids(w.as(user).getFhir("/fhir/ServiceRequest?category=centre-order&patient=" + w.resident).json())).isEmpty();
        }
        assertThat(Api.anonymous(port).getFhir("/fhir/Task/" + id).status()).isEqualTo(401);

        // bad parameters are 400s naming them
        assertBad(w.as(w.gp).getFhir("/fhir/Task?code=centre-order&status=finished"), "status");
        assertBad(w.as(w.gp).getFhir("/fhir/Task?code=centre-order&_lastUpdated=ne2026-01-01"), "_lastUpdated");
        assertBad(w.as(w.gp).getFhir("/fhir/Task?code=centre-order&owner=Patient/" + w.lead), "owner");
        assertBad(w.as(w.gp).getFhir("/fhir/ServiceRequest?category=centre-order&colour=red"), "colour");
    }

    @Test
    void decisionsAreDetectedIssuesNamingTheReportRecognisedOrTheOrderPlacedInstead() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String earlier = w.report(w.hba1c, w.lead, 40);
        String recognised = DiagnosticsFixture.ok(w.as(w.gp).post("/api/diagnostics/decisions", """
                {"residentId":"%s","itemCode":"%s","reportId":"%s"}""".formatted(w.resident, w.hba1c, earlier)), 201)
                .get("id").asString();
        var gp = new CurrentUser(w.gp, w.gp, Role.GP, Scope.institution(w.primary));
        var entry = ActingAs.run(gp, () -> diagnostics.enterOrder(
                new RecordDecision(w.resident, w.hba1c, null, null, "07", "患者近期病情变化", null),
                new PlaceOrder(w.resident, w.hba1c, UUID.fromString(w.centre), false)));
        String reexamined = Objects.requireNonNull(entry.decision()).id().toString();
        String order = Objects.requireNonNull(entry.order()).id().value() + "-order";
        var strict = strict(w.as(w.gp));

        var issue = w.as(w.gp).getFhir("/fhir/DetectedIssue/" + reexamined);
        assertThat(issue.status()).as(issue.body()).isEqualTo(200);
        strict.check(issue.body());
        JsonNode d = issue.json();
        assertThat(d.get("code").get("coding").get(0).get("code").asString()).isEqualTo("DUPTHPY");
        assertThat(d.get("patient").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(d.get("implicated").toString()).contains("ServiceRequest/" + order);
        assertThat(d.get("mitigation").get(0).get("action").get("coding").toString()).contains("reexamined").contains("\"07\"");
        assertThat(d.get("mitigation").get(0).get("action").get("text").asString()).isEqualTo("患者近期病情变化");
        assertThat(d.get("author").get("display").asString()).isEqualTo(w.gp);
        var recognition = w.as(w.gp).getFhir("/fhir/DetectedIssue/" + recognised).json();
        assertThat(recognition.get("implicated").get(0).get("reference").asString()).isEqualTo("DiagnosticReport/" + earlier);
        assertThat(recognition.get("mitigation").get(0).get("action").get("coding").get(0).get("code").asString())
                .isEqualTo("recognised");

        var bundle = w.as(w.gp).getFhir("/fhir/DetectedIssue?patient=Patient/" + w.resident);
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        strict.check(bundle.body());
        assertThat(ids(bundle.json())).contains(recognised, reexamined);
        assertThat(ids(w.as(w.gp).getFhir("/fhir/DetectedIssue?patient=Patient/" + w.resident + "&_count=1&_offset=1").json()))
                .hasSize(1);
        for (String user : List.of(w.outsider, otherJurisdiction())) {
            assertThat(w.as(user).getFhir("/fhir/DetectedIssue/" + reexamined).status()).as(user).isEqualTo(404);
            assertThat(ids(w.as(user).getFhir("/fhir/DetectedIssue?patient=Patient/" + w.resident).json())).as(user).isEmpty();
        }
        assertThat(Api.anonymous(port).getFhir("/fhir/DetectedIssue/" + reexamined).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = ? and action = 'READ'").param(reexamined)
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void qcRecordsAreVerificationResultsOfTheInstitutionWithItemPeriodAndMark() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        w.qc(w.lead, w.potassium, false, "PROVINCIAL", "重庆", w.today.minusMonths(1), w.today.plusMonths(11));
        var strict = strict(w.as(w.gp));
        var bundle = w.as(w.gp).getFhir("/fhir/VerificationResult?target=Organization/" + w.lead + "&item=" + w.potassium);
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        strict.check(bundle.body());
        List<String> statuses = new ArrayList<>();
        bundle.json().get("entry").forEach(e -> statuses.add(e.get("resource").get("status").asString()
                + " " + e.get("resource").get("validationProcess").get(0).get("text").asString()));
        assertThat(statuses).containsExactlyInAnyOrder("validated 全国HR", "val-fail 重庆HR");
        JsonNode first = bundle.json().get("entry").get(0).get("resource");
        assertThat(first.get("target").get(0).get("reference").asString()).isEqualTo("Organization/" + w.lead);
        assertThat(first.toString()).contains(w.potassium).contains("qc-valid-period").doesNotContain("Patient");
        var read = w.as(w.centreStaff).getFhir("/fhir/VerificationResult/" + first.get("id").asString());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(ids(w.as(w.gp).getFhir("/fhir/VerificationResult?target=Organization/" + w.lead + "&item=NONE").json())).isEmpty();
        assertBad(w.as(w.gp).getFhir("/fhir/VerificationResult?target=Patient/" + w.resident), "target");
        assertBad(w.as(w.gp).getFhir("/fhir/VerificationResult?item=" + w.potassium), "target");
        assertThat(Api.anonymous(port).getFhir("/fhir/VerificationResult?target=Organization/" + w.lead).status()).isEqualTo(401);
    }

    @Test
    void anImagingReportHasAnImagingStudyWhoseEndpointPointsAtTheCentre() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String wado = w.report(w.resident, w.ct, w.lead, w.today.minusDays(2), "FINAL", false,
                "https://pacs.example/dicomweb/studies/1.2.156.1");
        String viewer = w.report(w.resident, w.ct, w.lead, w.today.minusDays(9), "FINAL", false, "https://pacs.example/viewer?s=9");
        String lab = w.report(w.hba1c, w.lead, 3);
        var strict = strict(w.as(w.gp));

        var studies = w.as(w.gp).getFhir("/fhir/ImagingStudy?patient=Patient/" + w.resident);
        assertThat(studies.status()).as(studies.body()).isEqualTo(200);
        strict.check(studies.body());
        assertThat(ids(studies.json())).containsExactlyInAnyOrder(wado, viewer);
        var study = w.as(w.gp).getFhir("/fhir/ImagingStudy/" + wado).json();
        assertThat(study.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(study.get("started").asString()).startsWith(w.today.minusDays(2).toString());
        assertThat(study.get("endpoint").get(0).get("reference").asString()).isEqualTo("Endpoint/" + wado);
        assertThat(w.as(w.gp).getFhir("/fhir/DiagnosticReport/" + wado).json().get("imagingStudy").get(0).get("reference").asString())
                .isEqualTo("ImagingStudy/" + wado);
        var endpoint = w.as(w.gp).getFhir("/fhir/Endpoint/" + wado);
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(200);
        strict.check(endpoint.body());
        assertThat(endpoint.json().get("connectionType").get("code").asString()).isEqualTo("dicom-wado-rs");
        assertThat(endpoint.json().get("address").asString()).isEqualTo("https://pacs.example/dicomweb/studies/1.2.156.1");
        assertThat(w.as(w.gp).getFhir("/fhir/Endpoint/" + viewer).json().get("connectionType").get("code").asString())
                .isEqualTo("ihe-iid");
        assertThat(w.as(w.gp).getFhir("/fhir/ImagingStudy/" + lab).status()).isEqualTo(404);
        assertThat(w.as(w.gp).getFhir("/fhir/Endpoint/" + lab).status()).isEqualTo(404);
        for (String user : List.of(w.outsider, otherJurisdiction())) {
            assertThat(w.as(user).getFhir("/fhir/ImagingStudy/" + wado).status()).as(user).isEqualTo(404);
            assertThat(w.as(user).getFhir("/fhir/Endpoint/" + wado).status()).as(user).isEqualTo(404);
            assertThat(ids(w.as(user).getFhir("/fhir/ImagingStudy?patient=Patient/" + w.resident).json())).as(user).isEmpty();
        }
        assertThat(Api.anonymous(port).getFhir("/fhir/Endpoint/" + wado).status()).isEqualTo(401);
        assertBad(w.as(w.gp).getFhir("/fhir/ImagingStudy?patient=Organization/" + w.lead), "patient");
    }

    @Test
    void theCapabilityStatementListsTheNewTypesWithTheirSearchParameters() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        Map<String, List<String>> params = new HashMap<>();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            List<String> names = new ArrayList<>();
            if (res.has("searchParam")) {
                res.get("searchParam").forEach(p -> names.add(p.get("name").asString()));
            }
            params.put(res.get("type").asString(), names);
        }
        assertThat(params.get("ImagingStudy")).contains("patient");
        assertThat(params.get("VerificationResult")).contains("target", "item");
        assertThat(params).containsKey("Endpoint");
        assertThat(params.get("Task")).contains("owner", "status", "code", "patient");
        assertThat(params.get("ServiceRequest")).contains("category", "patient", "performer");
        assertThat(params.get("DetectedIssue")).contains("patient");
    }

    private String otherJurisdiction() {
        String user = "cq-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(user, "demo", "Planner " + user, Role.PLANNER, Scope.jurisdiction("500000")));
        return user;
    }

    /** SC-3 over FHIR: the LIS rejects with a coded statusReason; the Task reads rejected, the ServiceRequest revoked. */
    @Test
    void aTaskRejectedForQualityCarriesItsCodedReasonAndTheServiceRequestIsRevoked() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        var strict = strict(w.as(w.gp));
        String order = DiagnosticsFixture.ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.potassium, w.centre)), 201)
                .get("id").asString();
        String id = order + "-order";
        DiagnosticsFixture.ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + order + "/receive", ""), 200);
        var noReason = w.as(w.centreStaff).putFhir("/fhir/Task/" + id, taskBody(id, "rejected"), "W/\"2\"");
        assertBad(noReason, "Task.statusReason");
        var rejected = w.as(w.centreStaff).putFhir("/fhir/Task/" + id, """
                {"resourceType":"Task","id":"%s","status":"rejected","intent":"order","statusReason":{"coding":[{"system":
                "https://medunion.example/fhir/CodeSystem/centre-order-rejection","code":"images-not-diagnostic"}],"text":"运动伪影"}}"""
                .formatted(id), "W/\"2\"");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        var task = w.as(w.gp).getFhir("/fhir/Task/" + id);
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        strict.check(task.body());
        assertThat(task.json().get("status").asString()).isEqualTo("rejected");
        var reason = task.json().get("statusReason");
        assertThat(reason.get("coding").get(0).get("code").asString()).isEqualTo("images-not-diagnostic");
        assertThat(reason.get("coding").get(0).get("system").asString()).endsWith("/CodeSystem/centre-order-rejection");
        assertThat(reason.get("text").asString()).isEqualTo("运动伪影");
        var sr = w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id);
        strict.check(sr.body());
        assertThat(sr.json().get("status").asString()).isEqualTo("revoked");
        assertThat(DiagnosticsFixture.ok(w.as(w.gp).get("/api/diagnostics/orders/" + order), 200).get("rejection").get("reason")
                .asString()).isEqualTo("IMAGES_NOT_DIAGNOSTIC");
        var cs = w.as(w.gp).getFhir("/fhir/CodeSystem/centre-order-rejection");
        assertThat(cs.status()).as(cs.body()).isEqualTo(200);
        assertThat(cs.body()).contains("specimen-haemolysed").contains("标本溶血");
    }

    private static String taskBody(String id, String status) {
        return """
                {"resourceType":"Task","id":"%s","status":"%s","intent":"order"}""".formatted(id, status);
    }

    private static void assertBad(Api.Response r, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("OperationOutcome").contains(parameter);
    }

    private static FhirValidation strict(Api api) {
        return FhirValidation.withServerTerminology(api);
    }

    static List<String> ids(JsonNode bundle) {
        List<String> out = new ArrayList<>();
        if (bundle.has("entry")) {
            bundle.get("entry").forEach(e -> out.add(e.get("resource").get("id").asString()));
        }
        return out;
    }
}
