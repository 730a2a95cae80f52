package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * NAT-R-8 over HTTP: re-examining although a result was offered prepares the patient explanation (purpose and
 * necessity, in Chinese, the clinician's words for 07/08); the ordering clinician records once that it was given
 * (a second record is 409); nobody without a care relationship reads it; every read and change is audited.
 */
abstract class PatientExplanationContract extends RunningCity {

    DiagnosticsFixture world() {
        return new DiagnosticsFixture(port, registry, residents, accounts);
    }

    static String decide(DiagnosticsFixture w, String item, String body) {
        return ok(w.as(w.gp).post("/api/diagnostics/decisions", "{\"residentId\":\"%s\",\"itemCode\":\"%s\",%s}"
                .formatted(w.resident, item, body)), 201).get("id").asString();
    }

    static String path(String decision) {
        return "/api/diagnostics/decisions/" + decision + "/explanation";
    }

    long audited(String objectId, String action) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'PatientExplanation' and object_id = ? and action = ?")
                .params(objectId, action).query(Long.class).single();
    }

    @Test
    void NATR8_reexaminingAnOfferedResultPreparesTheExplanation_givenOnceWithWhoWhenAndHow() {
        var w = world();
        w.report(w.hba1c, w.lead, 10);
        String decision = decide(w, w.hba1c, "\"reasonCode\":\"01\"");
        JsonNode prepared = ok(w.as(w.gp).get(path(decision)), 200);
        assertThat(prepared.get("text").asString()).contains("糖化血红蛋白A1c").contains("病情有了变化").contains("目的和必要性");
        assertThat(prepared.get("reasonCode").asString()).isEqualTo("01");
        assertThat(prepared.get("givenAt").isNull()).isTrue();
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/explanations/pending"), 200).toString()).contains(decision);

        var noMedium = w.as(w.gp).post(path(decision), "{}");
        assertThat(noMedium.status()).isEqualTo(400);
        assertThat(noMedium.body()).contains("medium");
        JsonNode given = ok(w.as(w.gp).post(path(decision), "{\"medium\":\"PRINTED\"}"), 200);
        assertThat(given.get("givenBy").asString()).isEqualTo(w.gp);
        assertThat(given.get("medium").asString()).isEqualTo("PRINTED");
        assertThat(given.get("givenAt").isNull()).isFalse();
        var twice = w.as(w.gp).post(path(decision), "{\"medium\":\"VERBAL\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("DIAGNOSTICS-0036");
        assertThat(ok(w.as(w.gp).get(path(decision)), 200).get("medium").asString()).isEqualTo("PRINTED");
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/explanations/pending"), 200).toString()).doesNotContain(decision);

        assertThat(audited(decision, "CREATE")).isEqualTo(1);
        assertThat(audited(decision, "UPDATE")).isEqualTo(1);
        assertThat(audited(decision, "READ")).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'PatientExplanation' and object_id = ?"
                + " and resident_ref = ?").params(decision, w.resident.toString()).query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void NATR8_noExplanationForARecognition_norForARepeatWithNothingOffered() {
        var w = world();
        String report = w.report(w.hba1c, w.lead, 10);
        String recognised = decide(w, w.hba1c, "\"reportId\":\"" + report + "\"");
        assertThat(w.as(w.gp).get(path(recognised)).status()).isEqualTo(404);
        // potassium has no earlier result: the repeat is a first test, nothing to explain
        String nothingOffered = decide(w, w.potassium, "\"reasonCode\":\"01\"");
        assertThat(w.as(w.gp).get(path(nothingOffered)).status()).isEqualTo(404);
        assertThat(w.as(w.gp).post(path(nothingOffered), "{\"medium\":\"VERBAL\"}").status()).isEqualTo(404);
    }

    @Test
    void NATR8_reasons07And08CarryTheCliniciansOwnWords_otherReasonsDoNot() {
        var w = world();
        w.report(w.hba1c, w.lead, 10);
        String judged = decide(w, w.hba1c, "\"reasonCode\":\"07\",\"reasonText\":\"两次结果差异大需复核\"");
        assertThat(ok(w.as(w.gp).get(path(judged)), 200).get("text").asString()).contains("两次结果差异大需复核")
                .contains("接诊医生根据您的具体情况");
        String other = decide(w, w.hba1c, "\"reasonCode\":\"08\",\"reasonText\":\"患者要求复查\"");
        assertThat(ok(w.as(w.gp).get(path(other)), 200).get("text").asString()).contains("患者要求复查");
        String emergency = decide(w, w.hba1c, "\"reasonCode\":\"04\",\"reasonText\":\"内部备注\"");
        assertThat(ok(w.as(w.gp).get(path(emergency)), 200).get("text").asString()).contains("急诊").doesNotContain("内部备注");
    }

    @Test
    void NATR8_anUnrelatedGpAnotherJurisdictionAndTheAnonymousGetNothing() {
        var w = world();
        w.report(w.hba1c, w.lead, 10);
        String decision = decide(w, w.hba1c, "\"reasonCode\":\"02\"");
        String planner = "nn-planner-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(planner, "demo", "Planner Nanning", Role.PLANNER, Scope.jurisdiction("450100")));
        long reads = audited(decision, "READ");
        for (String user : new String[] {w.outsider, planner}) {
            assertThat(w.as(user).get(path(decision)).status()).isEqualTo(404);
            assertThat(w.as(user).post(path(decision), "{\"medium\":\"VERBAL\"}").status()).isEqualTo(404);
            assertThat(ok(w.as(user).get("/api/diagnostics/explanations/pending"), 200)).isEmpty();
        }
        assertThat(Api.anonymous(port).get(path(decision)).status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post(path(decision), "{\"medium\":\"VERBAL\"}").status()).isEqualTo(401);
        assertThat(audited(decision, "READ")).isEqualTo(reads);
        assertThat(audited(decision, "UPDATE")).isZero();
        assertThat(ok(w.as(w.gp).get(path(decision)), 200).get("givenAt").isNull()).isTrue();
    }

    @Test
    void NATR8_theExplanationIsAFhirCommunicationToThePatient_validScopedAndInTheCapabilityStatement() {
        var w = world();
        w.report(w.hba1c, w.lead, 10);
        String decision = decide(w, w.hba1c, "\"reasonCode\":\"03\"");
        String id = "explanation-" + decision;
        var prepared = w.as(w.gp).getFhir("/fhir/Communication/" + id);
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(200);
        FhirValidation.assertValid(prepared.body());
        JsonNode c = prepared.json();
        assertThat(c.get("status").asString()).isEqualTo("preparation");
        assertThat(c.get("recipient").get(0).get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(c.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(c.get("about").get(0).get("reference").asString()).isEqualTo("DetectedIssue/" + decision);
        assertThat(c.get("payload").get(0).get("contentString").asString()).contains("手术、输血");
        assertThat(c.has("sent")).isFalse();

        ok(w.as(w.gp).post(path(decision), "{\"medium\":\"APP_MESSAGE\"}"), 200);
        var bundle = w.as(w.gp).getFhir("/fhir/Communication?patient=Patient/" + w.resident);
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        FhirValidation.assertValid(bundle.body());
        JsonNode given = bundle.json().get("entry").get(0).get("resource");
        assertThat(given.get("id").asString()).isEqualTo(id);
        assertThat(given.get("status").asString()).isEqualTo("completed");
        assertThat(given.get("sent").asString()).isNotBlank();
        assertThat(given.get("medium").get(0).get("coding").get(0).get("code").asString()).isEqualTo("ONLINEWRIT");

        assertThat(w.as(w.outsider).getFhir("/fhir/Communication/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).getFhir("/fhir/Communication?patient=Patient/" + w.resident).json().has("entry")).isFalse();
        assertThat(w.as(w.gp).getFhir("/fhir/Communication/other-" + decision).status()).isEqualTo(404);
        assertThat(w.as(w.gp).getFhir("/fhir/Communication/explanation-nope").status()).isEqualTo(404);
        // the gp's read and search are audited; the outsider's empty search names nobody it may see
        assertThat(audited(decision, "READ")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'PatientExplanation' and action = 'SEARCH'"
                + " and resident_ref = ?").param(w.resident.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(Api.anonymous(port).getFhir("/fhir/metadata").body()).contains("\"Communication\"");
    }

    @Test
    void NATR8_theConsoleShowsTheToDoThePrintableNoticeAndRecordsItGiven() {
        var w = world();
        w.report(w.hba1c, w.lead, 10);
        String decision = decide(w, w.hba1c, "\"reasonCode\":\"02\"");
        var gp = ConsoleSession.login(port, w.gp);
        var todo = gp.get("/console/diagnostics/explanations");
        assertThat(todo.status()).isEqualTo(200);
        assertThat(todo.body()).contains("/console/diagnostics/explanations/" + decision).contains("糖化血红蛋白A1c");
        var print = gp.get("/console/diagnostics/explanations/" + decision + "/print");
        assertThat(print.status()).isEqualTo(200);
        assertThat(print.body()).contains("检查检验结果未互认告知书").contains("data-print").doesNotContain("<script>")
                .doesNotContain("onclick");
        var page = gp.get("/console/diagnostics/explanations/" + decision);
        assertThat(page.status()).isEqualTo(200);
        var given = gp.post("/console/diagnostics/explanations/" + decision + "/given", java.util.Map.of("medium", "VERBAL"), page);
        assertThat(given.status()).isEqualTo(302);
        assertThat(ok(w.as(w.gp).get(path(decision)), 200).get("medium").asString()).isEqualTo("VERBAL");
        assertThat(gp.get("/console/diagnostics/explanations").body()).doesNotContain("/console/diagnostics/explanations/" + decision);
        assertThat(ConsoleSession.login(port, w.outsider).get("/console/diagnostics/explanations/" + decision).status()).isEqualTo(404);

        // right after an order entry that re-examines, the order page shows the explanation to give
        var form = gp.get("/console/diagnostics/order?residentId=" + w.resident + "&itemCode=" + w.hba1c);
        var entered = gp.post("/console/diagnostics/order", java.util.Map.of("residentId", w.resident.toString(), "itemCode", w.hba1c,
                "choice", "reexamine", "reasonCode", "03", "centreId", w.centre), form);
        assertThat(entered.status()).isEqualTo(302);
        assertThat(entered.location()).contains("explanation=");
        var orderPage = gp.get(entered.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(orderPage.status()).isEqualTo(200);
        assertThat(orderPage.body()).contains("order-explanation").contains("手术、输血");
    }
}
