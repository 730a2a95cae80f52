package org.medunion.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.pharmacy.PharmacyFixture.body;
import static org.medunion.pharmacy.PharmacyFixture.item;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * Pharmacy over FHIR (issue 16): MedicationRequest per item grouped by prescription, DetectedIssue for findings and
 * the review, MedicationDispense, Medication — read and searched by patient with status, _lastUpdated and paging,
 * scoped like the REST reads (prescriber's institution, reviewer, dispensing site once approved; nobody else),
 * audited, valid against R4 with MedUnion's code systems, listed in the CapabilityStatement.
 */
abstract class PharmacyFhirContract extends RunningCity {

    private static final String RX = "/api/pharmacy/prescriptions";

    /** A 4-item prescription with findings, returned, overridden, approved with a note, dispensed at the district hospital. */
    private record Flow(PharmacyFixture w, String id, String number) {
    }

    private Flow flow() {
        var w = new PharmacyFixture(port, registry, residents, accounts);
        String site = "\"dispensingInstitutionId\":\"%s\",\"siteConfirmedByPatient\":true".formatted(w.district);
        var p = w.created(w.as(w.gp).post(RX, body(w.resident, "OUTPATIENT", "I10", site, item("F0001", "5", "QD", 7),
                item("F0002", "30", "QD", 7), item("F0072", "2.5", "QD", 7), item("F0259", "10", "TID", 7))));
        return new Flow(w, p.get("id").asString(), p.get("number").asString());
    }

    private static FhirValidation strict(Api api) {
        return FhirValidation.withServerTerminology(api);
    }

    @Test
    void theWholeFlowIsVisibleAsValidResourcesToPrescriberReviewerAndDispenser() {
        var f = flow();
        var w = f.w();
        var gp = w.as(w.gp);
        var strict = strict(gp);
        String patient = "patient=Patient/" + w.resident;

        var held = gp.getFhir("/fhir/MedicationRequest/" + f.id() + "-1");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        strict.check(held.body());
        assertThat(held.json().get("status").asString()).isEqualTo("on-hold");
        assertThat(held.json().get("groupIdentifier").get("value").asString()).isEqualTo(f.number());
        assertThat(held.json().get("requester").get("reference").asString()).isEqualTo("Organization/" + w.primary);
        assertThat(held.json().get("dispenseRequest").get("performer").get("reference").asString()).isEqualTo("Organization/" + w.district);
        assertThat(held.json().get("dispenseRequest").get("expectedSupplyDuration").get("value").asInt()).isEqualTo(7);
        // the district hospital (chosen dispensing site) sees nothing before approval
        assertThat(w.as(w.districtPharmacist).getFhir("/fhir/MedicationRequest/" + f.id() + "-1").status()).isEqualTo(404);

        w.as(w.leadPharmacist).post(RX + "/" + f.id() + "/return", "{\"reason\":\"重复用药\"}");
        assertThat(gp.getFhir("/fhir/MedicationRequest/" + f.id() + "-2").json().get("status").asString()).isEqualTo("draft");
        w.as(w.gp).post(RX + "/" + f.id() + "/override", "{\"reason\":\"患者既往耐受良好\"}");
        w.as(w.leadPharmacist).post(RX + "/" + f.id() + "/approve", "{\"note\":\"注意监测血压\"}");
        var dispensed = w.as(w.districtPharmacist).post(RX + "/" + f.id() + "/dispense", "{}");
        assertThat(dispensed.status()).as(dispensed.body()).isEqualTo(200);

        var requests = gp.getFhir("/fhir/MedicationRequest?" + patient);
        assertThat(requests.status()).as(requests.body()).isEqualTo(200);
        strict.check(requests.body());
        assertThat(ids(requests.json())).containsExactlyInAnyOrder(f.id() + "-1", f.id() + "-2", f.id() + "-3", f.id() + "-4");
        assertThat(requests.json().get("total").asInt()).isEqualTo(4);
        requests.json().get("entry").forEach(e -> assertThat(e.get("resource").get("status").asString()).isEqualTo("completed"));

        var issues = gp.getFhir("/fhir/DetectedIssue?" + patient);
        assertThat(issues.status()).as(issues.body()).isEqualTo(200);
        strict.check(issues.body());
        assertThat(ids(issues.json())).contains(f.id() + "-f1", f.id() + "-review");
        var review = w.as(w.leadPharmacist).getFhir("/fhir/DetectedIssue/" + f.id() + "-review");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        strict.check(review.body());
        List<String> actions = new ArrayList<>();
        review.json().get("mitigation").forEach(m -> actions.add(m.get("action").get("coding").get(0).get("code").asString()));
        assertThat(actions).containsExactly("returned", "overridden-by-prescriber", "approved-with-note");
        assertThat(issues.body()).contains("duplication", "interaction", "RX-12");

        var dispenses = w.as(w.districtPharmacist).getFhir("/fhir/MedicationDispense?" + patient);
        assertThat(dispenses.status()).as(dispenses.body()).isEqualTo(200);
        strict.check(dispenses.body());
        assertThat(ids(dispenses.json())).hasSize(4);
        var one = gp.getFhir("/fhir/MedicationDispense/" + f.id() + "-1");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        strict.check(one.body());
        assertThat(one.json().get("status").asString()).isEqualTo("completed");
        assertThat(one.json().get("authorizingPrescription").get(0).get("reference").asString())
                .isEqualTo("MedicationRequest/" + f.id() + "-1");
        assertThat(one.json().get("performer").get(0).get("actor").get("reference").asString()).isEqualTo("Organization/" + w.district);

        var drug = gp.getFhir("/fhir/Medication/F0001");
        assertThat(drug.status()).as(drug.body()).isEqualTo(200);
        strict.check(drug.body());
        assertThat(drug.body()).contains("氨氯地平");
        var drugs = gp.getFhir("/fhir/Medication?_count=5");
        strict.check(drugs.body());
        assertThat(drugs.json().get("total").asInt()).isGreaterThan(200);
        assertThat(ids(gp.getFhir("/fhir/Medication?code=https://medunion.example/fhir/formulary%7CF0002").json()))
                .containsExactly("F0002");
        assertThat(gp.getFhir("/fhir/Medication/NOPE").status()).isEqualTo(404);

        // reads are audited with the resident as subject
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("Prescription", f.id())).stream()
                .filter(e -> e.action() == AuditAction.READ || e.action() == AuditAction.SEARCH)
                .anyMatch(e -> String.valueOf(e.detail()).startsWith("FHIR"))).isTrue();
    }

    @Test
    void statusLastUpdatedAndPagingNarrowTheSearch() {
        var f = flow();
        var w = f.w();
        var gp = w.as(w.gp);
        String patient = "patient=Patient/" + w.resident;
        assertThat(ids(gp.getFhir("/fhir/MedicationRequest?" + patient + "&status=on-hold").json())).hasSize(4);
        assertThat(ids(gp.getFhir("/fhir/MedicationRequest?" + patient + "&status=completed,stopped").json())).isEmpty();
        assertThat(ids(gp.getFhir("/fhir/MedicationDispense?" + patient).json())).isEmpty();
        var bad = gp.getFhir("/fhir/MedicationRequest?" + patient + "&status=sometimes");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("OperationOutcome").contains("status");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(ids(gp.getFhir("/fhir/MedicationRequest?" + patient + "&_lastUpdated=ge" + today).json())).hasSize(4);
        assertThat(ids(gp.getFhir("/fhir/MedicationRequest?" + patient + "&_lastUpdated=gt" + today.plusDays(1)).json())).isEmpty();
        assertThat(ids(gp.getFhir("/fhir/DetectedIssue?" + patient + "&_lastUpdated=lt" + today).json())).isEmpty();

        var page1 = gp.getFhir("/fhir/MedicationRequest?" + patient + "&_count=3");
        FhirValidation.assertValid(page1.body());
        assertThat(page1.json().get("total").asInt()).isEqualTo(4);
        assertThat(ids(page1.json())).hasSize(3);
        String found = link(page1.json(), "next");
        assertThat(found).as(page1.body()).isNotNull().contains("_offset=3");
        String next = String.valueOf(found);
        var page2 = gp.getFhir(path(next));
        assertThat(ids(page2.json())).hasSize(1).doesNotContainAnyElementsOf(ids(page1.json()));
        // another account following the link gets none of it
        assertThat(ids(w.as(w.outsiderGp).getFhir(path(next)).json())).isEmpty();
        assertThat(gp.getFhir("/fhir/MedicationRequest?" + patient + "&_count=0").status()).isEqualTo(400);
    }

    @Test
    void sideDoorsSeeNothing() {
        var f = flow();
        var w = f.w();
        String patient = "patient=Patient/" + w.resident;
        for (String user : List.of(w.outsiderGp, w.outsiderPharmacist, w.cqGp, w.districtSpecialist)) {
            var api = w.as(user);
            assertThat(api.getFhir("/fhir/MedicationRequest/" + f.id() + "-1").status()).as(user).isEqualTo(404);
            assertThat(api.getFhir("/fhir/DetectedIssue/" + f.id() + "-f1").status()).as(user).isEqualTo(404);
            for (String type : List.of("MedicationRequest", "DetectedIssue", "MedicationDispense")) {
                var r = api.getFhir("/fhir/" + type + "?" + patient);
                assertThat(r.status()).as(user + " " + type).isEqualTo(200);
                assertThat(ids(r.json())).as(user + " " + type).isEmpty();
            }
        }
        var gp = w.as(w.gp);
        assertThat(gp.getFhir("/fhir/MedicationRequest/" + UUID.randomUUID() + "-1").status()).isEqualTo(404);
        assertThat(gp.getFhir("/fhir/MedicationRequest/" + f.id() + "-9").status()).isEqualTo(404);
        assertThat(gp.getFhir("/fhir/MedicationRequest/not-an-id").status()).isEqualTo(404);
        assertThat(gp.getFhir("/fhir/DetectedIssue/" + f.id() + "-review").status()).isEqualTo(404);
        assertThat(gp.getFhir("/fhir/MedicationDispense/" + f.id() + "-1").status()).isEqualTo(404);
        assertThat(ids(gp.getFhir("/fhir/MedicationRequest?patient=Patient/" + w.stranger).json())).isEmpty();
        var bad = gp.getFhir("/fhir/MedicationRequest?patient=Patient/not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("OperationOutcome").contains("patient");
        assertThat(Api.anonymous(port).getFhir("/fhir/MedicationRequest?" + patient).status()).isEqualTo(401);
    }

    /** One MedicationRequest of a HIS: a drug, a dose, a frequency and a supply ({@code d} or {@code wk}). */
    private static String request(UUID resident, String drug, String dose, String frequency, int supply, String unit, String extra) {
        return """
                {"resourceType":"MedicationRequest","status":"active","intent":"order",
                 "subject":{"reference":"Patient/%s"},
                 "medicationReference":{"reference":"Medication/%s"},
                 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I10","display":"原发性高血压"}]}],
                 "dosageInstruction":[{"timing":{"code":{"text":"%s"}},"doseAndRate":[{"doseQuantity":{"value":%s,"unit":"mg"}}]}],
                 "dispenseRequest":{"expectedSupplyDuration":{"value":%d,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}%s}"""
                .formatted(resident, drug, frequency, dose, supply, unit, unit, extra.isEmpty() ? "" : "," + extra);
    }

    private static String transaction(String... requests) {
        var entries = new ArrayList<String>();
        for (String r : requests) {
            entries.add("{\"resource\":" + r + ",\"request\":{\"method\":\"POST\",\"url\":\"MedicationRequest\"}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private long written(UUID resident) {
        return jdbc.sql("select count(*) from pharmacy_prescription where resident_id = ?").param(resident).query(Long.class).single();
    }

    @Test
    void aHisSubmitsAPrescription_andThePreReviewCentreDecidesOnItsTask() {
        var w = new PharmacyFixture(port, registry, residents, accounts);
        var gp = w.as(w.gp);
        var strict = strict(gp);
        var submitted = gp.postFhir("/fhir", transaction(request(w.resident, "F0001", "5", "QD", 7, "d", ""),
                request(w.resident, "F0002", "30", "QD", 7, "d", "")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        strict.check(submitted.body());
        assertThat(submitted.json().get("type").asString()).isEqualTo("transaction-response");
        List<String> locations = new ArrayList<>();
        submitted.json().get("entry").forEach(e -> {
            assertThat(e.get("response").get("status").asString()).startsWith("201");
            locations.add(e.get("response").get("location").asString());
        });
        assertThat(locations).hasSize(2);
        String id = locations.get(0).substring("MedicationRequest/".length(), locations.get(0).length() - 2);
        assertThat(locations).containsExactly("MedicationRequest/" + id + "-1", "MedicationRequest/" + id + "-2");

        var item = gp.getFhir("/fhir/" + locations.get(1));
        assertThat(item.status()).as(item.body()).isEqualTo(200);
        assertThat(item.json().get("status").asString()).isEqualTo("on-hold");
        assertThat(item.json().get("supportingInformation").get(0).get("reference").asString()).isEqualTo("Task/" + id + "-review");

        // the review Task: owned by the lead hospital (RX-11, the pre-review centre of a primary site), due by RX-8
        var task = gp.getFhir("/fhir/Task/" + id + "-review");
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        strict.check(task.body());
        assertThat(task.json().get("status").asString()).isEqualTo("requested");
        assertThat(task.json().get("owner").get("reference").asString()).isEqualTo("Organization/" + w.lead);
        assertThat(task.json().get("focus").get("reference").asString()).isEqualTo("MedicationRequest/" + id + "-1");
        assertThat(task.json().get("restriction").get("period").has("end")).isTrue();
        var pharmacist = w.as(w.leadPharmacist);
        var queue = pharmacist.getFhir("/fhir/Task?code=pharmacist-review&owner=Organization/" + w.lead + "&status=requested&_count=200");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        strict.check(queue.body());
        assertThat(ids(queue.json())).contains(id + "-review");
        assertThat(ids(pharmacist.getFhir("/fhir/Task?code=pharmacist-review&owner=Organization/" + w.lead
                + "&status=completed&patient=Patient/" + w.resident).json())).doesNotContain(id + "-review");

        // the pharmacist returns it over FHIR: a reason is required, a stale version is refused
        String version = task.json().get("meta").get("versionId").asString();
        String onHold = "{\"resourceType\":\"Task\",\"id\":\"%s-review\",\"status\":\"on-hold\",\"intent\":\"order\"%s}";
        var noReason = pharmacist.putFhir("/fhir/Task/" + id + "-review", onHold.formatted(id, ""), "W/\"" + version + "\"");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("Task.statusReason");
        assertThat(gp.putFhir("/fhir/Task/" + id + "-review", onHold.formatted(id, ",\"statusReason\":{\"text\":\"x\"}"),
                null).status()).as("the prescriber is no reviewer").isEqualTo(403);
        var returned = pharmacist.putFhir("/fhir/Task/" + id + "-review",
                onHold.formatted(id, ",\"statusReason\":{\"text\":\"重复用药：两种降压药同类\"}"), "W/\"" + version + "\"");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("on-hold");
        assertThat(gp.getFhir("/fhir/" + locations.get(0)).json().get("status").asString()).isEqualTo("draft");
        var stale = pharmacist.putFhir("/fhir/Task/" + id + "-review", "{\"resourceType\":\"Task\",\"id\":\"" + id
                + "-review\",\"status\":\"completed\",\"intent\":\"order\"}", "W/\"" + version + "\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);

        // the prescriber insists; the pharmacist approves with a note and signs
        assertThat(gp.post(RX + "/" + id + "/override", "{\"reason\":\"两药作用机制不同，患者既往耐受\"}").status()).isEqualTo(200);
        var approved = pharmacist.putFhir("/fhir/Task/" + id + "-review", "{\"resourceType\":\"Task\",\"id\":\"" + id
                + "-review\",\"status\":\"completed\",\"intent\":\"order\",\"note\":[{\"text\":\"注意监测血压\"}]}", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        strict.check(approved.body());
        assertThat(approved.json().get("status").asString()).isEqualTo("completed");
        assertThat(approved.json().get("relevantHistory").get(0).get("reference").asString()).isEqualTo("Provenance/" + id + "-review");
        assertThat(gp.getFhir("/fhir/" + locations.get(0)).json().get("status").asString()).isEqualTo("active");
        var signed = gp.getFhir("/fhir/Provenance/" + id + "-review");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        strict.check(signed.body());
        assertThat(signed.json().get("activity").get("coding").get(0).get("code").asString()).isEqualTo("approved-with-note");
        assertThat(signed.json().get("agent").get(0).get("onBehalfOf").get("reference").asString()).isEqualTo("Organization/" + w.lead);
        assertThat(signed.json().get("agent").get(0).get("who").get("display").asString()).isEqualTo(w.leadPharmacist);
        assertThat(signed.json().get("signature").get(0).get("when").asString()).isNotBlank();
        assertThat(signed.json().get("target")).hasSize(3);

        // nobody else sees the Task or the signature
        for (String user : List.of(w.outsiderGp, w.outsiderPharmacist, w.cqGp)) {
            var api = w.as(user);
            assertThat(api.getFhir("/fhir/Task/" + id + "-review").status()).as(user).isEqualTo(404);
            assertThat(api.getFhir("/fhir/Provenance/" + id + "-review").status()).as(user).isEqualTo(404);
            assertThat(ids(api.getFhir("/fhir/Task?code=pharmacist-review&patient=Patient/" + w.resident).json())).as(user).isEmpty();
        }
        assertThat(gp.getFhir("/fhir/Provenance/" + w.inReview() + "-review").status()).as("not yet signed").isEqualTo(404);
        assertThat(gp.getFhir("/fhir/Task/" + UUID.randomUUID() + "-review").status()).isEqualTo(404);
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("Prescription", id)).stream()
                .anyMatch(e -> e.action() == AuditAction.CREATE)).isTrue();
    }

    @Test
    void aSubmittedPrescriptionIsCheckedLikeAnyOther_andARefusalWritesNothing() {
        var w = new PharmacyFixture(port, registry, residents, accounts);
        var gp = w.as(w.gp);
        var one = gp.postFhir("/fhir/MedicationRequest", request(w.resident, "F0001", "5", "QD", 7, "d", ""));
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        assertThat(one.header("Location")).contains("/fhir/MedicationRequest/").endsWith("-1");
        assertThat(one.json().get("status").asString()).isEqualTo("on-hold");
        FhirValidation.assertValid(one.body());
        long before = written(w.resident);

        // RX-1: 8 days of an outpatient acute prescription → 422 naming the rule and the element
        var eight = gp.postFhir("/fhir/MedicationRequest", request(w.resident, "F0001", "5", "QD", 8, "d", ""));
        assertThat(eight.status()).as(eight.body()).isEqualTo(422);
        assertThat(eight.body()).contains("OperationOutcome", "RX-1", "MedicationRequest.dispenseRequest.expectedSupplyDuration");
        // RX-6: 12 weeks of a chronic prescription need the assessment and the patient's confirmation
        String chronic = "\"courseOfTherapyType\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy\",\"code\":\"continuous\"}]},"
                + "\"extension\":[{\"url\":\"https://medunion.example/fhir/StructureDefinition/prescription-over-limit-reason\","
                + "\"valueString\":\"高血压病情稳定，长期用药\"}%s]%s";
        var unconfirmed = gp.postFhir("/fhir", transaction(request(w.resident, "F0001", "5", "QD", 12, "wk", chronic.formatted("", ""))));
        assertThat(unconfirmed.status()).as(unconfirmed.body()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("RX-6");
        assertThat(written(w.resident)).isEqualTo(before);
        var confirmed = gp.postFhir("/fhir", transaction(request(w.resident, "F0001", "5", "QD", 12, "wk", chronic.formatted(
                ",{\"url\":\"https://medunion.example/fhir/StructureDefinition/long-prescription-confirmed\",\"valueBoolean\":true}",
                ",\"note\":[{\"text\":\"血压控制平稳，依从性好，已做用药教育\"}]"))));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var longItem = confirmed.json().get("entry").get(0).get("resource");
        assertThat(longItem.get("courseOfTherapyType").get("coding").get(0).get("code").asString()).isEqualTo("continuous");
        assertThat(longItem.get("dispenseRequest").get("expectedSupplyDuration").get("value").asInt()).isEqualTo(84);
        before = written(w.resident);

        // bad form: 400 naming the element, nothing written
        var noDiagnosis = gp.postFhir("/fhir/MedicationRequest",
                request(w.resident, "F0001", "5", "QD", 7, "d", "").replaceAll("\"reasonCode\":\\[\\{\"coding\":\\[\\{[^}]*}]}],", ""));
        assertThat(noDiagnosis.status()).as(noDiagnosis.body()).isEqualTo(400);
        assertThat(noDiagnosis.body()).contains("MedicationRequest.reasonCode");
        var unknownDrug = gp.postFhir("/fhir/MedicationRequest", request(w.resident, "NOPE", "5", "QD", 7, "d", ""));
        assertThat(unknownDrug.status()).as(unknownDrug.body()).isEqualTo(400);
        assertThat(unknownDrug.body()).contains("MedicationRequest.medication");
        var mixed = gp.postFhir("/fhir", transaction(request(w.resident, "F0001", "5", "QD", 7, "d", ""),
                request(w.stranger, "F0002", "30", "QD", 7, "d", "")));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(400);
        assertThat(mixed.body()).contains("MedicationRequest.subject");
        var notOnlyRequests = gp.postFhir("/fhir", transaction(request(w.resident, "F0001", "5", "QD", 7, "d", ""),
                "{\"resourceType\":\"Patient\"}"));
        assertThat(notOnlyRequests.status()).as(notOnlyRequests.body()).isEqualTo(400);
        assertThat(notOnlyRequests.body()).contains("Bundle.entry[1]");
        var batch = gp.postFhir("/fhir", transaction(request(w.resident, "F0001", "5", "QD", 7, "d", ""))
                .replace("\"transaction\"", "\"batch\""));
        assertThat(batch.status()).as(batch.body()).isBetween(400, 422);
        assertThat(written(w.resident)).isEqualTo(before);

        // a HIS retrying the same transaction with its Idempotency-Key gets the first answer, not a second prescription
        var headers = java.util.Map.of("Content-Type", "application/fhir+json", "Idempotency-Key", UUID.randomUUID().toString());
        String body = transaction(request(w.resident, "F0001", "5", "QD", 7, "d", ""));
        var first = gp.send("POST", "/fhir", body, headers);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var retry = gp.send("POST", "/fhir", body, headers);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("entry").get(0).get("response").get("location").asString())
                .isEqualTo(first.json().get("entry").get(0).get("response").get("location").asString());
        assertThat(written(w.resident)).isEqualTo(before + 1);
        before = written(w.resident);

        // no care relationship, no prescription: another institution's GP, a pharmacist, nobody signed in
        assertThat(w.as(w.outsiderGp).postFhir("/fhir/MedicationRequest", request(w.resident, "F0001", "5", "QD", 7, "d", ""))
                .status()).isEqualTo(404);
        assertThat(w.as(w.leadPharmacist).postFhir("/fhir/MedicationRequest", request(w.resident, "F0001", "5", "QD", 7, "d", ""))
                .status()).isEqualTo(403);
        assertThat(Api.anonymous(port).postFhir("/fhir/MedicationRequest", request(w.resident, "F0001", "5", "QD", 7, "d", ""))
                .status()).isEqualTo(401);
        assertThat(written(w.resident)).isEqualTo(before);
    }

    @Test
    void theDrugKnowledgeIsPublishedAsMedicationKnowledge() {
        var w = new PharmacyFixture(port, registry, residents, accounts);
        var api = w.as(w.gp);
        var strict = strict(api);
        // warfarin (F0072): the interaction with aspirin (F0069) and the pregnancy contraindication the pre-screen uses
        var warfarin = api.getFhir("/fhir/MedicationKnowledge/F0072");
        assertThat(warfarin.status()).as(warfarin.body()).isEqualTo(200);
        strict.check(warfarin.body());
        var k = warfarin.json();
        assertThat(k.get("associatedMedication").get(0).get("reference").asString()).isEqualTo("Medication/F0072");
        assertThat(k.get("contraindication").size()).isGreaterThanOrEqualTo(2);
        List<String> implicated = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        k.get("contained").forEach(c -> {
            codes.add(c.get("code").get("coding").get(0).get("code").asString());
            c.get("implicated").forEach(i -> implicated.add(i.get("reference").asString()));
        });
        assertThat(codes).contains("interaction", "contraindication");
        assertThat(implicated).contains("Medication/F0069");
        assertThat(warfarin.body()).contains("出血风险增加", "妊娠禁用");
        // amlodipine (F0001): the dose limits of RX-9, 10 mg a dose and 10 mg a day
        var amlodipine = api.getFhir("/fhir/MedicationKnowledge/F0001").json();
        var dosage = amlodipine.get("administrationGuidelines").get(0).get("dosage").get(0).get("dosage").get(0);
        assertThat(dosage.get("maxDosePerAdministration").get("value").asInt()).isEqualTo(10);
        assertThat(dosage.get("maxDosePerPeriod").get("numerator").get("value").asInt()).isEqualTo(10);
        assertThat(dosage.get("maxDosePerPeriod").get("denominator").get("code").asString()).isEqualTo("d");

        var page = api.getFhir("/fhir/MedicationKnowledge?_count=5");
        strict.check(page.body());
        assertThat(page.json().get("total").asInt()).isGreaterThan(200);
        assertThat(ids(page.json())).hasSize(5);
        assertThat(ids(api.getFhir("/fhir/MedicationKnowledge?code=https://medunion.example/fhir/formulary%7CF0002").json()))
                .containsExactly("F0002");
        assertThat(ids(api.getFhir("/fhir/MedicationKnowledge?code=http://other.example%7CF0002").json())).isEmpty();
        assertThat(api.getFhir("/fhir/MedicationKnowledge/NOPE").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).getFhir("/fhir/MedicationKnowledge/F0001").status()).isEqualTo(401);
    }

    @Test
    void theCapabilityStatementListsThePharmacyResources() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        FhirValidation.assertValid(r.body());
        List<String> found = new ArrayList<>();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            String type = res.get("type").asString();
            if (List.of("MedicationRequest", "DetectedIssue", "MedicationDispense", "Medication", "MedicationKnowledge").contains(type)) {
                List<String> params = new ArrayList<>();
                res.get("searchParam").forEach(p -> params.add(p.get("name").asString()));
                List<String> interactions = new ArrayList<>();
                res.get("interaction").forEach(i -> interactions.add(i.get("code").asString()));
                assertThat(interactions).as(type).contains("read", "search-type");
                if (type.equals("MedicationRequest")) {
                    assertThat(interactions).as("a HIS submits a prescription").contains("create");
                }
                boolean formulary = type.startsWith("Medication") && !type.equals("MedicationRequest")
                        && !type.equals("MedicationDispense");
                assertThat(params).as(type).contains(formulary ? "code" : "patient");
                if (!formulary) {
                    assertThat(params).as(type).contains("_lastUpdated");
                }
                found.add(type);
            }
        }
        assertThat(found).containsExactlyInAnyOrder("MedicationRequest", "DetectedIssue", "MedicationDispense", "Medication",
                "MedicationKnowledge");
        List<String> system = new ArrayList<>();
        r.json().get("rest").get(0).get("interaction").forEach(i -> system.add(i.get("code").asString()));
        assertThat(system).as("a multi-item prescription is one transaction").contains("transaction");
    }

    private static List<String> ids(JsonNode bundle) {
        List<String> out = new ArrayList<>();
        if (bundle.has("entry")) {
            bundle.get("entry").forEach(e -> out.add(e.get("resource").get("id").asString()));
        }
        return out;
    }

    private static @Nullable String link(JsonNode bundle, String relation) {
        if (bundle.has("link")) {
            for (JsonNode l : bundle.get("link")) {
                if (relation.equals(l.get("relation").asString())) {
                    return l.get("url").asString();
                }
            }
        }
        return null;
    }

    private static String path(String link) {
        var uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
