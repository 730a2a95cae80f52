package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * ImagingStudy in imported bundles (decision 0238): a PACS sends its DiagnosticReport with the ImagingStudy and Endpoint
 * it references (entries of the transaction by urn:uuid, or contained). The study's UID, modality, start, numbers of
 * series and instances come back on the exported ImagingStudy, the Endpoint's address is the report's study link; a
 * study of another patient, a missing or malformed UID, an Endpoint without address, a dangling reference and
 * impossible numbers are refused naming the element, nothing written.
 */
abstract class ImagingStudyImportContract extends RunningCity {

    static final String UID = "1.2.156.112605.14038010.20261103.91500";
    static final String WADO = "https://pacs.lead.example/dicomweb/studies/" + UID;

    long reports(UUID resident) {
        return jdbc.sql("select count(*) from diagnostics_report where resident_id = ?").param(resident).query(Long.class).single();
    }

    static String report(DiagnosticsFixture w, String identifier, String studyRef) {
        return """
                {"fullUrl":"urn:uuid:%s","resource":{"resourceType":"DiagnosticReport",
                  "identifier":[{"system":"https://pacs.lead.example/report","value":"%s"}],"status":"final",
                  "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"RAD"}]}],
                  "code":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/diagnostic-item","code":"%s"}]},
                  "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s","performer":[{"reference":"Organization/%s"}],
                  "imagingStudy":[{"reference":"%s"}],"conclusion":"双肺未见明显异常"},
                 "request":{"method":"POST","url":"DiagnosticReport"}}""".formatted(UUID.randomUUID(), identifier, w.ct, w.resident,
                w.today.minusDays(1), w.lead, studyRef);
    }

    /** An ImagingStudy entry; {@code identifier} and {@code endpoint} are JSON members (or empty). */
    static String study(String fullUrl, UUID subject, String identifier, String counts, String endpoint) {
        return """
                {"fullUrl":"%s","resource":{"resourceType":"ImagingStudy","status":"available",%s
                  "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}],
                  "subject":{"reference":"Patient/%s"},"started":"2026-11-03T09:15:00+08:00",%s%s
                  "description":"胸部CT平扫"},
                 "request":{"method":"POST","url":"ImagingStudy"}}""".formatted(fullUrl, identifier, subject, counts, endpoint);
    }

    static String uid(String value) {
        return "\"identifier\":[{\"system\":\"urn:dicom:uid\",\"value\":\"urn:oid:" + value + "\"}],";
    }

    static String endpoint(String fullUrl, String address) {
        return """
                {"fullUrl":"%s","resource":{"resourceType":"Endpoint","status":"active",
                  "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
                  "payloadType":[{"text":"DICOM"}],"payloadMimeType":["application/dicom"]%s},
                 "request":{"method":"POST","url":"Endpoint"}}""".formatted(fullUrl, address);
    }

    static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    static final String COUNTS = "\"numberOfSeries\":3,\"numberOfInstances\":412,";
    static final String ST0 = "urn:uuid:" + UUID.randomUUID();
    static final String ST1 = "urn:uuid:" + UUID.randomUUID();
    static final String EP1 = "urn:uuid:" + UUID.randomUUID();
    static final String TO_ENDPOINT = "\"endpoint\":[{\"reference\":\"" + EP1 + "\"}],";

    String good(DiagnosticsFixture w, String identifier) {
        return bundle(report(w, identifier, ST1), study(ST1, w.resident, uid(UID), COUNTS, TO_ENDPOINT),
                endpoint(EP1, ",\"address\":\"" + WADO + "\""));
    }

    static String expression(Api.Response r) {
        return r.json().get("issue").get(0).get("expression").get(0).asString();
    }

    @Test
    void aPacsSendsReportStudyAndEndpoint_theExportedStudyCarriesThemAndIsValidR4() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String sent = good(w, "CT-1");
        FhirValidation.assertValid(sent);
        var r = w.as(w.centreStaff).postFhir("/fhir", sent);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        JsonNode entry = r.json().get("entry").get(0);
        assertThat(entry.get("response").get("status").asString()).isEqualTo("201 Created");
        String id = entry.get("resource").get("id").asString();
        assertThat(entry.get("resource").get("imagingStudy").get(0).get("reference").asString()).isEqualTo("ImagingStudy/" + id);
        assertThat(entry.get("resource").get("presentedForm").get(0).get("url").asString()).isEqualTo(WADO);

        var read = w.as(w.gp).getFhir("/fhir/ImagingStudy/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        JsonNode s = read.json();
        assertThat(s.get("identifier").toString()).contains("\"system\":\"urn:dicom:uid\"").contains("\"value\":\"urn:oid:" + UID + "\"");
        assertThat(s.get("modality").get(0).get("code").asString()).isEqualTo("CT");
        assertThat(s.get("modality").get(0).get("system").asString()).isEqualTo("http://dicom.nema.org/resources/ontology/DCM");
        assertThat(s.get("started").asString()).isEqualTo("2026-11-03T09:15:00+08:00");
        assertThat(s.get("numberOfSeries").asInt()).isEqualTo(3);
        assertThat(s.get("numberOfInstances").asInt()).isEqualTo(412);
        assertThat(s.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(s.get("endpoint").get(0).get("reference").asString()).isEqualTo("Endpoint/" + id);
        var ep = w.as(w.gp).getFhir("/fhir/Endpoint/" + id);
        FhirValidation.assertValid(ep.body());
        assertThat(ep.json().get("address").asString()).isEqualTo(WADO);
        assertThat(ep.json().get("connectionType").get("code").asString()).isEqualTo("dicom-wado-rs");
        var search = w.as(w.gp).getFhir("/fhir/ImagingStudy?patient=Patient/" + w.resident);
        FhirValidation.assertValid(search.body());
        assertThat(search.body()).contains(UID);
        JsonNode rest = ok(w.as(w.gp).get("/api/diagnostics/results/" + id), 200);
        assertThat(rest.get("studyUrl").asString()).isEqualTo(WADO);
        assertThat(rest.get("study").get("uid").asString()).isEqualTo(UID);
        assertThat(rest.get("study").get("instances").asInt()).isEqualTo(412);
        // outside the care relationship the study is not there
        assertThat(w.as(w.outsider).getFhir("/fhir/ImagingStudy/" + id).status()).isEqualTo(404);

        // sent again: the recorded report, nothing written twice
        var again = w.as(w.centreStaff).postFhir("/fhir", good(w, "CT-1"));
        assertThat(again.json().get("entry").get(0).get("response").get("status").asString()).isEqualTo("200 OK");
        assertThat(reports(w.resident)).isEqualTo(1);
    }

    @Test
    void aStudyContainedInASingleCreate_withoutEndpoint_keepsThePresentedForm() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String report = """
                {"resourceType":"DiagnosticReport","contained":[{"resourceType":"ImagingStudy","id":"s","status":"available",
                  "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.3.4"}],"subject":{"reference":"Patient/%s"},
                  "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"MR"}],"numberOfSeries":0}],
                 "identifier":[{"system":"https://pacs.lead.example/report","value":"MR-1"}],"status":"final",
                 "code":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/diagnostic-item","code":"%s"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s","imagingStudy":[{"reference":"#s"}],
                 "presentedForm":[{"url":"https://pacs.lead.example/viewer?study=1.2.3.4"}]}"""
                .formatted(w.resident, w.ct, w.resident, w.today);
        var created = w.as(w.centreStaff).postFhir("/fhir/DiagnosticReport", report);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var s = w.as(w.gp).getFhir("/fhir/ImagingStudy/" + id);
        FhirValidation.assertValid(s.body());
        assertThat(s.json().get("modality").get(0).get("code").asString()).isEqualTo("MR");
        assertThat(s.json().get("numberOfSeries").asInt()).isZero();
        assertThat(s.json().has("numberOfInstances")).isFalse();
        assertThat(s.json().get("started").asString()).isEqualTo(w.today.toString());
        assertThat(w.as(w.gp).getFhir("/fhir/Endpoint/" + id).json().get("address").asString())
                .isEqualTo("https://pacs.lead.example/viewer?study=1.2.3.4");
    }

    @Test
    void malformedStudiesAreRefusedNamingTheElement_andNothingIsWritten() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String ep = endpoint(EP1, ",\"address\":\"" + WADO + "\"");
        // the study is another patient's: the report before it in the transaction is not written either
        var otherPatient = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "OK-1", ST0),
                study(ST0, w.resident, uid(UID), COUNTS, ""),
                report(w, "BAD-1", ST1), study(ST1, w.stranger, uid(UID), COUNTS, TO_ENDPOINT), ep));
        assertThat(otherPatient.status()).as(otherPatient.body()).isEqualTo(400);
        assertThat(expression(otherPatient)).isEqualTo("Bundle.entry[3].resource.subject");
        assertThat(otherPatient.body()).contains("ImagingStudy");

        var noUid = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-2", ST1),
                study(ST1, w.resident, "", COUNTS, TO_ENDPOINT), ep));
        assertThat(noUid.status()).as(noUid.body()).isEqualTo(400);
        assertThat(expression(noUid)).isEqualTo("Bundle.entry[1].resource.identifier");
        for (String bad : new String[] {"1.2.abc.4", "1.02.3", "1", "1." + "2".repeat(63)}) {
            var badUid = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-3", ST1),
                    study(ST1, w.resident, uid(bad), COUNTS, TO_ENDPOINT), ep));
            assertThat(badUid.status()).as(bad + " " + badUid.body()).isEqualTo(400);
            assertThat(expression(badUid)).as(bad).isEqualTo("Bundle.entry[1].resource.identifier");
            assertThat(badUid.body()).as(bad).contains("DIAGNOSTICS-0058");
        }
        var noAddress = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-4", ST1),
                study(ST1, w.resident, uid(UID), COUNTS, TO_ENDPOINT), endpoint(EP1, "")));
        assertThat(noAddress.status()).as(noAddress.body()).isEqualTo(400);
        assertThat(expression(noAddress)).isEqualTo("Bundle.entry[2].resource.address");
        var notAUrl = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-5", ST1),
                study(ST1, w.resident, uid(UID), COUNTS, TO_ENDPOINT),
                endpoint(EP1, ",\"address\":\"pacs:4242\"")));
        assertThat(notAUrl.status()).as(notAUrl.body()).isEqualTo(400);
        assertThat(expression(notAUrl)).isEqualTo("Bundle.entry[2].resource.address");
        var dangling = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-6", "urn:uuid:nowhere")));
        assertThat(dangling.status()).as(dangling.body()).isEqualTo(400);
        assertThat(expression(dangling)).isEqualTo("Bundle.entry[0].resource.imagingStudy[0]");
        var danglingEndpoint = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-7", ST1),
                study(ST1, w.resident, uid(UID), COUNTS, TO_ENDPOINT)));
        assertThat(danglingEndpoint.status()).as(danglingEndpoint.body()).isEqualTo(400);
        assertThat(expression(danglingEndpoint)).isEqualTo("Bundle.entry[1].resource.endpoint[0]");
        var fewerInstances = w.as(w.centreStaff).postFhir("/fhir", bundle(report(w, "BAD-8", ST1),
                study(ST1, w.resident, uid(UID), "\"numberOfSeries\":3,\"numberOfInstances\":2,", TO_ENDPOINT), ep));
        assertThat(fewerInstances.status()).as(fewerInstances.body()).isEqualTo(400);
        assertThat(expression(fewerInstances)).isEqualTo("Bundle.entry[1].resource.numberOfInstances");
        assertThat(fewerInstances.body()).contains("DIAGNOSTICS-0059");
        String twoStudies = report(w, "BAD-9", ST1).replace("\"imagingStudy\":[{\"reference\":\"" + ST1 + "\"}]",
                "\"imagingStudy\":[{\"reference\":\"" + ST1 + "\"},{\"reference\":\"" + ST1 + "\"}]");
        var two = w.as(w.centreStaff).postFhir("/fhir", bundle(twoStudies,
                study(ST1, w.resident, uid(UID), COUNTS, TO_ENDPOINT), ep));
        assertThat(two.status()).as(two.body()).isEqualTo(400);
        assertThat(expression(two)).isEqualTo("Bundle.entry[0].resource.imagingStudy[1]");
        assertThat(reports(w.resident)).isZero();
        assertThat(reports(w.stranger)).isZero();
    }
}
