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
import org.hl7.fhir.instance.model.api.IBaseResource;
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
        var parser = FhirValidation.context().newJsonParser();
        List<IBaseResource> terminology = new ArrayList<>();
        for (String type : List.of("CodeSystem", "ValueSet")) {
            for (JsonNode e : api.getFhir("/fhir/" + type + "?_count=200").json().get("entry")) {
                terminology.add(parser.parseResource(e.get("resource").toString()));
            }
        }
        return FhirValidation.withTerminology(terminology);
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

    @Test
    void theCapabilityStatementListsThePharmacyResources() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        FhirValidation.assertValid(r.body());
        List<String> found = new ArrayList<>();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            String type = res.get("type").asString();
            if (List.of("MedicationRequest", "DetectedIssue", "MedicationDispense", "Medication").contains(type)) {
                List<String> params = new ArrayList<>();
                res.get("searchParam").forEach(p -> params.add(p.get("name").asString()));
                List<String> interactions = new ArrayList<>();
                res.get("interaction").forEach(i -> interactions.add(i.get("code").asString()));
                assertThat(interactions).as(type).contains("read", "search-type");
                assertThat(params).as(type).contains(type.equals("Medication") ? "code" : "patient");
                if (!type.equals("Medication")) {
                    assertThat(params).as(type).contains("_lastUpdated");
                }
                found.add(type);
            }
        }
        assertThat(found).containsExactlyInAnyOrder("MedicationRequest", "DetectedIssue", "MedicationDispense", "Medication");
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
