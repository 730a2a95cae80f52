package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * What a consultation files when it ends: the price item its agreement's fee asks for (TM-13), kept by the
 * consortium office per agreement and type, recorded once on closing, shown to both sides and the office and as FHIR
 * ChargeItem; and its retention class and dates from rule pack TM (TM-9), on the record and its conversation.
 */
abstract class ConsultationFilingContract extends ConsultationWorldTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static String fee(ConsultationFixture w, String type, String amount, String payer) {
        return "{\"agreementId\":\"%s\",\"type\":\"%s\",\"amount\":%s,\"payer\":\"%s\"}".formatted(w.agreement, type, amount,
                payer);
    }

    static JsonNode get(ConsultationFixture w, String user, String id) {
        return w.as(user).get("/api/consultations/" + id).expect(200).json();
    }

    long charges(String id) {
        return jdbc.sql("select count(*) from consultation_charge where consultation_id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
    }

    // ---------------------------------------------------------------- TM-13 fees

    @Test
    void TM13_closingUnderAFeeBearingAgreementRecordsOnePriceItemShownToBothSidesAndTheOffice() {
        var w = freshWorld();
        w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", "200", "INVITING_INSTITUTION")).expect(200);
        w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", "260.5", "INVITING_INSTITUTION")).expect(200);
        var fees = w.as(w.office).get("/api/consultation-fees?agreementId=" + w.agreement).expect(200).json();
        assertThat(fees).hasSize(1);
        assertThat(fees.get(0).get("amount").decimalValue()).isEqualByComparingTo("260.50");

        String open = w.into(ConsultationStatus.ACKNOWLEDGED);
        assertThat(get(w, w.gp, open).get("charge").isNull()).as("no price item before closing").isTrue();
        String id = w.into(ConsultationStatus.CLOSED);
        for (String user : List.of(w.gp, w.specialist, w.office)) {
            var charge = get(w, user, id).get("charge");
            assertThat(charge.get("amount").decimalValue()).as(user).isEqualByComparingTo("260.50");
            assertThat(charge.get("currency").asString()).isEqualTo("CNY");
            assertThat(charge.get("payer").asString()).isEqualTo("INVITING_INSTITUTION");
            assertThat(charge.get("agreementId").asString()).isEqualTo(w.agreement.toString());
            assertThat(charge.get("chargedOn").asString()).isEqualTo(LocalDate.now(SHANGHAI).toString());
        }
        assertThat(charges(id)).isEqualTo(1);
        assertThat(w.as(w.gp).post("/api/consultations/" + id + "/close", "").status()).isEqualTo(409);
        assertThat(charges(id)).as("recorded once").isEqualTo(1);
        assertThat(w.as(w.outsider).get("/api/consultations/" + id).status()).isEqualTo(404);

        var list = ConsoleSession.login(port, w.office).get("/console/consultations?box=CLOSED");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("/console/consultations/" + id).contains("260.50 元（邀请方机构支付）");
        var page = ConsoleSession.login(port, w.gp).get("/console/consultations/" + id);
        assertThat(page.body()).contains("260.50 元（邀请方机构支付）").contains("门诊病历，保存至 "
                + LocalDate.now(SHANGHAI).plusYears(15));
        assertThat(ConsoleSession.login(port, w.outsider).get("/console/consultations/" + id).status()).isEqualTo(404);
    }

    @Test
    void TM13_noFeeOrAFeeOfZeroForTheTypeRecordsNothing() {
        var w = freshWorld();
        String none = w.into(ConsultationStatus.CLOSED);
        assertThat(get(w, w.gp, none).get("charge").isNull()).isTrue();
        w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", "0", "PATIENT")).expect(200);
        w.as(w.office).put("/api/consultation-fees", fee(w, "MDT", "800", "PATIENT")).expect(200);
        String free = w.into(ConsultationStatus.CLOSED);
        assertThat(get(w, w.gp, free).get("charge").isNull()).as("fee 0 for REMOTE").isTrue();
        assertThat(charges(free)).isZero();
    }

    @Test
    void TM13_onlyTheOfficeOfTheAgreementsConsortiumKeepsFeesAndBadAmountsAre400() {
        var w = freshWorld();
        var gp = w.as(w.gp).put("/api/consultation-fees", fee(w, "REMOTE", "100", "PATIENT"));
        assertThat(gp.status()).isEqualTo(403);
        assertThat(gp.body()).contains("CONSULTATION-0021");
        assertThat(w.as(w.specialist).get("/api/consultation-fees?agreementId=" + w.agreement).status()).isEqualTo(403);
        String elsewhere = "coff2-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(elsewhere, "demo", "Office elsewhere", Role.OFFICE,
                Scope.consortium(UUID.randomUUID())));
        assertThat(Api.as(port, elsewhere).get("/api/consultation-fees?agreementId=" + w.agreement).status()).isEqualTo(404);
        assertThat(w.as(w.office).get("/api/consultation-fees?agreementId=" + UUID.randomUUID()).status()).isEqualTo(404);
        for (String amount : List.of("-0.01", "100000.01", "12.345")) {
            var bad = w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", amount, "PATIENT"));
            assertThat(bad.status()).as(amount).isEqualTo(400);
            assertThat(bad.body()).as(amount).contains("CONSULTATION-0020").contains("amount");
        }
        var noType = w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", "1", "PATIENT").replace("\"REMOTE\"",
                "null"));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body()).contains("type");
        w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", "100000", "PATIENT")).expect(200);
        w.as(w.office).put("/api/consultation-fees", fee(w, "MDT", "0.01", "PATIENT")).expect(200);
        assertThat(w.as(w.office).get("/api/consultation-fees?agreementId=" + w.agreement).expect(200).json()).hasSize(2);
    }

    @Test
    void TM13_theCostIsAChargeItemValidAgainstR4ForTheTwoSidesOnly() {
        var w = freshWorld();
        w.as(w.office).put("/api/consultation-fees", fee(w, "REMOTE", "150", "PATIENT")).expect(200);
        String id = w.into(ConsultationStatus.CLOSED);
        String unpaid = w.into(ConsultationStatus.OPINION_SIGNED);
        for (String user : List.of(w.gp, w.specialist)) {
            var item = valid(w.as(user).getFhir("/fhir/ChargeItem/" + id));
            assertThat(item.get("status").asString()).isEqualTo("billable");
            assertThat(item.get("priceOverride").get("value").decimalValue()).isEqualByComparingTo("150");
            assertThat(item.get("priceOverride").get("currency").asString()).isEqualTo("CNY");
            assertThat(item.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
            assertThat(item.get("performingOrganization").get("reference").asString()).isEqualTo("Organization/" + w.hospital);
            assertThat(item.get("supportingInformation").get(0).get("reference").asString()).isEqualTo("ServiceRequest/" + id);
            assertThat(item.toString()).contains("consultation-fee-payer").contains("\"patient\"");
        }
        assertThat(w.as(w.gp).getFhir("/fhir/ChargeItem/" + unpaid).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).getFhir("/fhir/ChargeItem/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.gp).getFhir("/fhir/ChargeItem/" + UUID.randomUUID()).status()).isEqualTo(404);
        var byPatient = valid(w.as(w.gp).getFhir("/fhir/ChargeItem?patient=Patient/" + w.resident));
        assertThat(ConsultationFhirContract.ids(byPatient)).containsExactly(id);
        var byRequest = valid(w.as(w.specialist).getFhir("/fhir/ChargeItem?service-request=ServiceRequest/" + id));
        assertThat(ConsultationFhirContract.ids(byRequest)).containsExactly(id);
        var none = valid(w.as(w.gp).getFhir("/fhir/ChargeItem?service-request=ServiceRequest/" + unpaid));
        assertThat(ConsultationFhirContract.ids(none)).isEmpty();
        var outsider = valid(w.as(w.outsider).getFhir("/fhir/ChargeItem?service-request=ServiceRequest/" + id));
        assertThat(ConsultationFhirContract.ids(outsider)).isEmpty();
        assertThat(ConsultationFhirContract.ids(valid(w.as(w.outsider).getFhir("/fhir/ChargeItem?patient=Patient/"
                + w.resident)))).isEmpty();
        var capability = w.as(w.gp).getFhir("/fhir/metadata").body();
        assertThat(capability).contains("\"ChargeItem\"");
    }

    static JsonNode valid(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        return r.json();
    }

    // ---------------------------------------------------------------- TM-9 retention

    @Test
    void TM9_anEndedOutpatientConsultationIsKept15YearsItsConversation3() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACKNOWLEDGED);
        String base = "/api/consultations/" + id;
        w.as(w.gp).post(base + "/messages", "{\"body\":\"已收到，谢谢\"}").expect(201);
        assertThat(get(w, w.gp, id).get("retention").isNull()).as("open: no retention yet").isTrue();
        assertThat(w.as(w.gp).get(base + "/messages").json().get(0).get("retainUntil").isNull()).isTrue();
        ConsultationFixture.ok(w.as(w.gp).post(base + "/close", ""));
        LocalDate today = LocalDate.now(SHANGHAI);
        var r = get(w, w.office, id).get("retention");
        assertThat(r.get("retentionClass").asString()).isEqualTo("OUTPATIENT");
        assertThat(r.get("retainUntil").asString()).isEqualTo(today.plusYears(15).toString());
        assertThat(r.get("processRetainUntil").asString()).isEqualTo(today.plusYears(3).toString());
        w.as(w.specialist).post(base + "/messages", "{\"body\":\"两周后请反馈血压\"}").expect(201);
        var messages = w.as(w.gp).get(base + "/messages").json();
        assertThat(messages).hasSize(2);
        messages.forEach(m -> assertThat(m.get("retainUntil").asString()).isEqualTo(today.plusYears(3).toString()));
        var sr = valid(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id));
        assertThat(sr.toString()).contains("record-retention").contains(today.plusYears(15).toString());
    }

    @Test
    void TM9_remoteWardRoundsAreInpatientRecordsKept30YearsAndEveryEndFixesTheDates() {
        var w = freshWorld();
        String rounds = w.id(w.request("\"type\":\"REMOTE_ROUNDS\""));
        ConsultationFixture.ok(w.as(w.specialist).post("/api/consultations/" + rounds + "/decline", "{\"text\":\"本周无床位查房\"}"));
        LocalDate today = LocalDate.now(SHANGHAI);
        var r = get(w, w.gp, rounds).get("retention");
        assertThat(r.get("retentionClass").asString()).isEqualTo("INPATIENT");
        assertThat(r.get("retainUntil").asString()).isEqualTo(today.plusYears(30).toString());
        assertThat(r.get("processRetainUntil").asString()).isEqualTo(today.plusYears(3).toString());
        var cancelled = get(w, w.gp, w.into(ConsultationStatus.CANCELLED)).get("retention");
        assertThat(cancelled.get("retentionClass").asString()).isEqualTo("OUTPATIENT");
        assertThat(cancelled.get("retainUntil").asString()).isEqualTo(today.plusYears(15).toString());
    }

    @Test
    void TM9_noCodePathDeletesAConsultationRecord() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            var deleting = files.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.readString(p).toLowerCase().matches("(?s).*delete\\s+from\\s+consultation_.*");
                } catch (IOException e) {
                    return false;
                }
            }).toList();
            assertThat(deleting).as("records are kept past their retain-until date; nothing deletes them").isEmpty();
        }
    }
}
