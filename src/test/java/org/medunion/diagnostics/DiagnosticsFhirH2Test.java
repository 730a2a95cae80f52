package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.H2Test;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * FHIR DiagnosticReport and Observation (issue 15): read and search by patient, scoped like the REST results (a
 * clinician of another institution gets an empty Bundle and 404 on read), valid against R4, in the CapabilityStatement.
 */
@H2Test
class DiagnosticsFhirH2Test extends RunningCity {

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

    private static List<String> ids(JsonNode bundle) {
        List<String> out = new ArrayList<>();
        if (bundle.has("entry")) {
            bundle.get("entry").forEach(e -> out.add(e.get("resource").get("id").asString()));
        }
        return out;
    }
}
