package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.internal.DeadlineRuns;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Consultations end to end over HTTP (consultation.md, rule pack TM): one HTTP test per workflow action and refused
 * transitions (the whole table is the aggregate's unit test, internal.ConsultationTest), every TM gate on both sides
 * of its condition or parameter with nothing written when refused, deadlines and escalation with a controllable
 * clock, the conversation, conversion into a referral, who sees what (side doors) and the audit of reads.
 */
abstract class ConsultationContract extends ConsultationWorldTest {

    @Autowired
    ApplicationContext context;

    private static final Map<Integer, ConsultationFixture> SHARED = new ConcurrentHashMap<>();

    ConsultationFixture world() {
        return SHARED.computeIfAbsent(port, p -> new ConsultationFixture(p, registry, residents, accounts));
    }

    static void refused(Api.Response r, int status, String ruleOrCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(ruleOrCode);
    }

    // ---------------------------------------------------------------- workflow

    static final List<ConsultationStatus> REACHABLE = List.of(ConsultationStatus.REQUESTED,
            ConsultationStatus.INFO_REQUESTED, ConsultationStatus.ACCEPTED, ConsultationStatus.DECLINED,
            ConsultationStatus.IN_SESSION, ConsultationStatus.OPINION_DRAFTED, ConsultationStatus.OPINION_SIGNED,
            ConsultationStatus.ACKNOWLEDGED, ConsultationStatus.CLOSED, ConsultationStatus.CANCELLED);

    static Stream<Arguments> legalTransitions() {
        var out = new ArrayList<Arguments>();
        var seen = EnumSet.noneOf(ConsultationAction.class);
        for (var s : REACHABLE) {
            ConsultationWorkflow.table().getOrDefault(s, Map.of()).forEach((action, next) -> {
                if (action.isManual() && seen.add(action)) {
                    out.add(Arguments.of(s, action, next));
                }
            });
        }
        return out.stream();
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(Arguments.of(ConsultationStatus.REQUESTED, ConsultationAction.START),
                Arguments.of(ConsultationStatus.REQUESTED, ConsultationAction.SIGN_OPINION),
                Arguments.of(ConsultationStatus.INFO_REQUESTED, ConsultationAction.ACCEPT),
                Arguments.of(ConsultationStatus.ACCEPTED, ConsultationAction.ACKNOWLEDGE),
                Arguments.of(ConsultationStatus.IN_SESSION, ConsultationAction.SIGN_OPINION),
                Arguments.of(ConsultationStatus.DECLINED, ConsultationAction.ACCEPT),
                Arguments.of(ConsultationStatus.CLOSED, ConsultationAction.CANCEL),
                Arguments.of(ConsultationStatus.CANCELLED, ConsultationAction.ANSWER),
                Arguments.of(ConsultationStatus.REQUESTED, ConsultationAction.CLOSE));
    }

    static String path(ConsultationAction a) {
        return switch (a) {
            case ASK_INFO -> "ask-info";
            case DRAFT_OPINION -> "opinion";
            case SIGN_OPINION -> "sign";
            default -> a.name().toLowerCase();
        };
    }

    static String bodyFor(ConsultationFixture w, ConsultationAction a) {
        return switch (a) {
            case ACCEPT -> w.acceptBody();
            case DECLINE, ASK_INFO, ANSWER, DRAFT_OPINION, CANCEL -> "{\"text\":\"说明 " + a.name() + "\"}";
            default -> "";
        };
    }

    static String actorFor(ConsultationFixture w, ConsultationAction a) {
        return a.byInvitingSide() ? w.gp : w.specialist;
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalTransitions")
    void everyLegalTransitionIsRecordedWithWhoAndWhen(ConsultationStatus from, ConsultationAction action,
                                                      ConsultationStatus next) {
        var w = world();
        String id = w.into(from);
        String actor = actorFor(w, action);
        var r = w.as(actor).post("/api/consultations/" + id + "/" + path(action), bodyFor(w, action));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo(next.name());
        var steps = w.as(w.gp).get("/api/consultations/" + id + "/steps").json();
        var last = steps.get(steps.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo(action.name());
        assertThat(last.get("fromStatus").asString()).isEqualTo(from.name());
        assertThat(last.get("actor").asString()).isEqualTo(actor);
        assertThat(last.get("at").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("illegalTransitions")
    void illegalTransitionsAreRefusedAndChangeNothing(ConsultationStatus from, ConsultationAction action) {
        var w = world();
        String id = w.into(from);
        long before = jdbc.sql("select version from consultation_consultation where id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
        var r = w.as("admin").post("/api/consultations/" + id + "/" + path(action), bodyFor(w, action));
        refused(r, 409, "CONSULTATION-0001");
        assertThat(r.body()).contains(from.name()).contains(action.name());
        assertThat(jdbc.sql("select version from consultation_consultation where id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void remoteConsultationRunsFromRequestToCloseAndTheOpinionIsOnBothSides() {
        var w = world();
        var created = w.request("");
        assertThat(created.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.get("number").asString()).startsWith("TC-");
        assertThat(created.get("residentName").asString()).isEqualTo("赵会诊");
        String id = w.id(created);
        String base = "/api/consultations/" + id;
        assertThat(w.as(w.specialist).get("/api/consultations?box=to_me").body()).contains(id);
        assertThat(w.as(w.gp).get("/api/consultations?box=mine").body()).contains(id);
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/accept", w.acceptBody()));
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/start", ""));
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/opinion", "{\"text\":\"建议加用缬沙坦\"}"));
        var signed = ConsultationFixture.ok(w.as(w.specialist).post(base + "/sign", "")).json();
        assertThat(signed.get("opinion").get("signedBy").asString()).isEqualTo(w.specialist);
        ConsultationFixture.ok(w.as(w.gp).post(base + "/acknowledge", ""));
        var closed = ConsultationFixture.ok(w.as(w.gp).post(base + "/close", "")).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        for (String side : List.of(w.gp, w.specialist)) {
            var seen = w.as(side).get(base).json();
            assertThat(seen.get("opinion").get("text").asString()).isEqualTo("建议加用缬沙坦");
            assertThat(seen.get("opinion").get("signedAt").asString()).isNotBlank();
        }
        assertThat(w.as(w.gp).get(base + "/steps").body()).contains("\"REQUEST\"", "\"ACCEPT\"", "\"START\"",
                "\"DRAFT_OPINION\"", "\"SIGN_OPINION\"", "\"ACKNOWLEDGE\"", "\"CLOSE\"");
    }

    @Test
    void eachSideTakesOnlyItsOwnSteps() {
        var w = world();
        String id = w.into(ConsultationStatus.REQUESTED);
        refused(w.as(w.gp).post("/api/consultations/" + id + "/accept", w.acceptBody()), 403, "CONSULTATION-0002");
        refused(w.as(w.specialist).post("/api/consultations/" + id + "/cancel", "{}"), 403, "CONSULTATION-0002");
        refused(w.as(w.office).post("/api/consultations/" + id + "/decline", "{\"text\":\"x\"}"), 403, "CONSULTATION-0002");
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/actions").body()).contains("CANCEL").doesNotContain("ACCEPT");
        assertThat(w.as(w.specialist).get("/api/consultations/" + id + "/actions").body()).contains("ACCEPT", "DECLINE", "ASK_INFO");
    }

    @Test
    void askedInformationComesBackWithAFreshDeadlineWhenAnswered() {
        var w = world();
        String id = w.into(ConsultationStatus.INFO_REQUESTED);
        var before = w.as(w.gp).get("/api/consultations/" + id).json();
        var answered = ConsultationFixture.ok(w.as(w.gp).post("/api/consultations/" + id + "/answer",
                "{\"text\":\"已上传心电图\"}")).json();
        assertThat(answered.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(Instant.parse(answered.get("deadline").get("decideBy").asString()))
                .isAfterOrEqualTo(Instant.parse(before.get("deadline").get("decideBy").asString()));
        refused(w.as(w.gp).post("/api/consultations/" + id + "/decline", "{}"), 403, "CONSULTATION-0002");
        refused(w.as(w.specialist).post("/api/consultations/" + id + "/decline", "{}"), 400, "text");
    }

    // ---------------------------------------------------------------- TM gates

    @Test
    void TM1_requestWithoutAnAgreementBetweenTheTwoInstitutionsIsRefused() {
        var w = world();
        long before = rowsOf(w.resident);
        var r = w.as(w.gp).post("/api/consultations", w.body("\"toInstitutionId\":\"" + w.otherHospital + "\""));
        refused(r, 422, "TM-1");
        assertThat(r.body()).contains("签订远程医疗合作协议");
        assertThat(rowsOf(w.resident)).isEqualTo(before);
        assertThat(w.as(w.gp).post("/api/consultations", w.body("")).status()).isEqualTo(201);
    }

    @Test
    void TM1_anAgreementOutOfTermDoesNotCount() {
        var w = freshWorld();
        registry.recordAgreement(new org.medunion.registry.ConsortiumId(w.consortium),
                new org.medunion.registry.RecordAgreement(org.medunion.registry.AgreementType.COOPERATION, "过期协议",
                        List.of(new InstitutionId(w.otherHospital), new InstitutionId(w.primary)),
                        LocalDate.now().minusYears(3), LocalDate.now().minusDays(2), LocalDate.now().minusYears(3),
                        "a", "b", "c", "d", null));
        refused(w.as(w.gp).post("/api/consultations", w.body("\"toInstitutionId\":\"" + w.otherHospital + "\"")), 422, "TM-1");
    }

    @Test
    void TM2_consentIsRequiredAndAGuardianNeedsAReason() {
        var w = world();
        long before = rowsOf(w.resident);
        refused(w.as(w.gp).post("/api/consultations", w.body("\"consentSigner\":null")), 422, "TM-2");
        var guardian = w.as(w.gp).post("/api/consultations", w.body("\"consentSigner\":\"GUARDIAN\",\"consentSignerName\":\"赵女儿\""));
        refused(guardian, 422, "TM-2");
        assertThat(guardian.body()).contains("consentReason");
        assertThat(rowsOf(w.resident)).isEqualTo(before);
        var ok = w.as(w.gp).post("/api/consultations", w.body("\"consentSigner\":\"GUARDIAN\",\"consentSignerName\":\"赵女儿\","
                + "\"consentReason\":\"患者认知障碍，不宜告知\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("consent").get("signer").asString()).isEqualTo("GUARDIAN");
    }

    @Test
    void TM3_everyRequiredPartOfTheRequestIsNamed() {
        var w = world();
        long before = rowsOf(w.resident);
        for (String field : List.of("reason", "purpose", "proposedTime", "recordSummary", "invitedSpecialty", "invitedTitle")) {
            var r = w.as(w.gp).post("/api/consultations", w.body("\"" + field + "\":null"));
            refused(r, 422, "TM-3");
            assertThat(r.body()).contains(field);
        }
        assertThat(rowsOf(w.resident)).isEqualTo(before);
    }

    @Test
    void TM5_theInvitedPhysicianNeedsThreeYearsAtTheInvitedInstitution() {
        var w = world();
        var hospital = new InstitutionId(w.hospital);
        var junior = w.physician("新医师", hospital, LocalDate.now().minusYears(3).plusDays(2));
        var justEnough = w.physician("满三年", hospital, LocalDate.now().minusYears(3).minusDays(2));
        var elsewhere = w.physician("外院医师", new InstitutionId(w.otherHospital), LocalDate.now().minusYears(20));
        long before = rowsOf(w.resident);
        refused(w.as(w.gp).post("/api/consultations", w.body("\"expertPractitionerId\":\"" + junior.value() + "\"")), 422, "TM-5");
        refused(w.as(w.gp).post("/api/consultations", w.body("\"expertPractitionerId\":\"" + elsewhere.value() + "\"")), 422, "TM-5");
        assertThat(rowsOf(w.resident)).isEqualTo(before);
        var ok = w.as(w.gp).post("/api/consultations", w.body("\"expertPractitionerId\":\"" + justEnough.value() + "\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        // accepting names the physician who answers: checked again
        String id = w.id(w.request(""));
        refused(w.as(w.specialist).post("/api/consultations/" + id + "/accept",
                "{\"expertPractitionerId\":\"" + junior.value() + "\"}"), 422, "TM-5");
        assertThat(w.as(w.gp).get("/api/consultations/" + id).json().get("status").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void TM7_closingNeedsTheSignedOpinionAndTheAcknowledgement() {
        var w = world();
        for (var s : List.of(ConsultationStatus.IN_SESSION, ConsultationStatus.OPINION_SIGNED)) {
            String id = w.into(s);
            var r = w.as(w.gp).post("/api/consultations/" + id + "/close", "");
            refused(r, 422, "TM-7");
            assertThat(r.body()).contains("对病人的诊断与治疗的决定权属于收治病人的医疗机构");
            assertThat(w.as(w.gp).get("/api/consultations/" + id).json().get("status").asString()).isEqualTo(s.name());
        }
        String id = w.into(ConsultationStatus.ACKNOWLEDGED);
        assertThat(w.as(w.gp).post("/api/consultations/" + id + "/close", "").status()).isEqualTo(200);
    }

    @Test
    void TM16_conversionIntoAReferralOnlyWhenTheRequesterAuthorisedIt() {
        var w = world();
        String convert = "{\"diagnosisCode\":\"I10\",\"diagnosisText\":\"原发性高血压\",\"toDepartment\":\"心内科\"}";
        String unauthorised = w.id(w.request("\"conversionAuthorised\":false"));
        bringToSigned(w, unauthorised);
        refused(w.as(w.specialist).post("/api/consultations/" + unauthorised + "/convert", convert), 422, "TM-16");
        assertThat(w.as(w.gp).get("/api/consultations/" + unauthorised).json().get("referralId").isNull()).isTrue();

        String authorised = w.id(w.request(""));
        bringToSigned(w, authorised);
        refused(w.as(w.gp).post("/api/consultations/" + authorised + "/convert", convert), 403, "CONSULTATION-0002");
        var done = w.as(w.specialist).post("/api/consultations/" + authorised + "/convert", convert);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        String referral = done.json().get("referralId").asString();
        var seen = w.as(w.gp).get("/api/referrals/" + referral).json();
        assertThat(seen.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(seen.get("fromInstitutionId").asString()).isEqualTo(w.primary.toString());
        assertThat(seen.get("clinicalSummary").asString()).contains("建议加用缬沙坦");
        refused(w.as(w.specialist).post("/api/consultations/" + authorised + "/convert", convert), 409, "CONSULTATION-0010");
    }

    private static void bringToSigned(ConsultationFixture w, String id) {
        String base = "/api/consultations/" + id;
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/accept", w.acceptBody()));
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/opinion", "{\"text\":\"建议加用缬沙坦，必要时住院\"}"));
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/sign", ""));
    }

    // ---------------------------------------------------------------- indicators I-15, I-17, I-18, I-19

    @Test
    void I15_I17_I18_I19_indicatorsCountTheInvitedSidesConsultationsAndThePrimarySitesSessions() {
        var w = freshWorld();
        String convert = "{\"diagnosisCode\":\"I10\",\"diagnosisText\":\"原发性高血压\",\"toDepartment\":\"心内科\"}";
        String closed = w.into(ConsultationStatus.CLOSED);
        String open = w.into(ConsultationStatus.ACCEPTED);
        w.into(ConsultationStatus.DECLINED);
        String advice = w.id(w.request("\"type\":\"ADVICE_ONLY\""));
        bringToSigned(w, advice);
        ConsultationFixture.ok(w.as(w.specialist).post("/api/consultations/" + advice + "/convert", convert));
        w.id(w.request("\"type\":\"ADVICE_ONLY\""));
        // a joint clinic at the community centre now: one session, two patients (the second consultation of the same resident)
        String session = Instant.now().toString();
        var clinic = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            String id = w.id(w.request("\"type\":\"JOINT_CLINIC\""));
            ConsultationFixture.ok(w.as(w.specialist).post("/api/consultations/" + id + "/accept",
                    "{\"sessionAt\":\"" + session + "\",\"expertPractitionerId\":\"" + w.expert + "\"}"));
            ConsultationFixture.ok(w.as(w.specialist).post("/api/consultations/" + id + "/start", ""));
            clinic.add(id);
        }
        // response times: the accepted ones 30, 60, 90, 120, 150 minutes after the request; opinions 240 and 300
        acceptedAfter(closed, "ACCEPT", 30);
        acceptedAfter(closed, "SIGN", 240);
        acceptedAfter(open, "ACCEPT", 60);
        acceptedAfter(advice, "ACCEPT", 90);
        acceptedAfter(advice, "SIGN", 300);
        acceptedAfter(clinic.get(0), "ACCEPT", 120);
        acceptedAfter(clinic.get(1), "ACCEPT", 150);

        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var invited = indicatorValues(w, "INSTITUTION", w.hospital.toString(), month);
        // I-15: one consultation closed, a REMOTE one
        assertThat(invited.path("I-15").get("numerator").decimalValue()).isEqualByComparingTo("1");
        assertThat(invited.path("I-15").get("value").decimalValue()).isEqualByComparingTo("1");
        var byType = new java.util.HashMap<String, String>();
        invited.path("I-15").get("parts").forEach(p -> byType.put(p.get("key").asString(), p.get("numerator").asString()));
        assertThat(byType).containsEntry("REMOTE", "1").containsEntry("MDT", "0").hasSize(ConsultationType.values().length);
        // I-17: (30 + 60 + 90 + 120 + 150) min = 7.5 h over 5 accepted = 1.5 h; median 90 min, P90 150 min; opinions 4 and 5 h
        assertThat(invited.path("I-17").get("numerator").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(invited.path("I-17").get("denominator").decimalValue()).isEqualByComparingTo("5");
        assertThat(invited.path("I-17").get("value").decimalValue()).isEqualByComparingTo("1.5");
        var times = new java.util.HashMap<String, java.math.BigDecimal>();
        invited.path("I-17").get("parts").forEach(p -> times.put(p.get("key").asString(), p.get("value").decimalValue()));
        assertThat(times.get("acceptMedian")).isEqualByComparingTo("1.5");
        assertThat(times.get("acceptP90")).isEqualByComparingTo("2.5");
        assertThat(times.get("opinionMedian")).isEqualByComparingTo("4");
        assertThat(times.get("opinionP90")).isEqualByComparingTo("5");
        // I-18: 1 closed of the 5 accepted (declined and unanswered ones not counted); 1 of 2 advice requests converted
        assertThat(invited.path("I-18").get("numerator").decimalValue()).isEqualByComparingTo("1");
        assertThat(invited.path("I-18").get("denominator").decimalValue()).isEqualByComparingTo("5");
        assertThat(invited.path("I-18").get("parts").get(0).get("numerator").decimalValue()).isEqualByComparingTo("1");
        assertThat(invited.path("I-18").get("parts").get(0).get("denominator").decimalValue()).isEqualByComparingTo("2");
        // the hospital holds no session at a primary site: I-19 has no data there
        assertThat(invited.path("I-19").get("value").isNull()).isTrue();
        // I-19 at the community centre: 1 session ÷ 1 primary institution, 2 patients in it
        var site = indicatorValues(w, "INSTITUTION", w.primary.toString(), month);
        assertThat(site.path("I-19").get("numerator").decimalValue()).isEqualByComparingTo("1");
        assertThat(site.path("I-19").get("denominator").decimalValue()).isEqualByComparingTo("1");
        assertThat(site.path("I-19").get("parts").get(0).get("value").decimalValue()).isEqualByComparingTo("2");
        // the community centre invited, it was not invited: no consultation counts there for I-15
        assertThat(site.path("I-15").get("numerator").decimalValue()).isEqualByComparingTo("0");
        // last month has none of it
        String last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        assertThat(indicatorValues(w, "INSTITUTION", w.hospital.toString(), last).path("I-18").get("value").isNull()).isTrue();
        // the dashboard shows the count without a denominator and the hours without fractions
        var page = org.medunion.web.ConsoleSession.login(port, w.office)
                .get("/console/indicators?subject=CONSORTIUM:" + w.consortium + "&period=" + month);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("远程会诊例数").contains("会诊响应时间").contains("申请至接受的中位数（小时）: 1.50");
        assertThat(page.body()).contains("/console/indicators/records?indicator=I-18&amp;level=CONSORTIUM");

        // the records behind the values, as the office drills down: no resident in them
        var office = org.medunion.web.ConsoleSession.login(port, w.office);
        String records = "/console/indicators/records?level=INSTITUTION&period=" + month + "&subject=";
        var behindI15 = office.get(records + w.hospital + "&indicator=I-15").body();
        assertThat(behindI15.split("class=\"consultation\"", -1)).hasSize(2);
        assertThat(behindI15).contains("<td>分子</td>", "远程会诊");
        // I-18: the seven requests of this month — 1 closed (numerator), 4 accepted and open (denominator), 2 never accepted
        var behindI18 = office.get(records + w.hospital + "&indicator=I-18").body();
        assertThat(behindI18.split("class=\"consultation\"", -1)).hasSize(8);
        assertThat(behindI18.split("<td>分子</td>", -1)).hasSize(2);
        assertThat(behindI18.split("<td>分母</td>", -1)).hasSize(5);
        assertThat(behindI18.split("<td>不计入</td>", -1)).hasSize(3);
        assertThat(behindI18).contains("已转为转诊").doesNotContain(w.resident.toString()).doesNotContain("赵会诊");
        // I-19: the one joint clinic at the centre with its two patients
        var behindI19 = office.get(records + w.primary + "&indicator=I-19").body();
        assertThat(behindI19.split("class=\"session\"", -1)).hasSize(2);
        assertThat(behindI19).contains("联合门诊", "<td>2</td>", "同一时间的会诊");
    }

    /** Moves the acceptance (ACCEPT) or the signed opinion (SIGN) to {@code minutes} after the request. */
    private void acceptedAfter(String id, String step, int minutes) {
        UUID c = UUID.fromString(id);
        var at = java.sql.Timestamp.from(jdbc.sql("select created_at from consultation_consultation where id = ?").param(c)
                .query(java.sql.Timestamp.class).single().toInstant().plus(Duration.ofMinutes(minutes)));
        if (step.equals("SIGN")) {
            jdbc.sql("update consultation_consultation set opinion_signed_at = ? where id = ?").params(at, c).update();
        } else {
            jdbc.sql("update consultation_step set at = ? where consultation_id = ? and action = 'ACCEPT'").params(at, c).update();
        }
    }

    private static tools.jackson.databind.JsonNode indicatorValues(ConsultationFixture w, String level, String subject, String month) {
        var r = w.as(w.office).get("/api/indicators/values?level=" + level + "&subject=" + subject + "&period=" + month);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var byId = Api.JSON.createObjectNode();
        r.json().forEach(v -> byId.set(v.get("indicator").asString(), v));
        return byId;
    }

    @Test
    void badInputIsA400NamingTheField() {
        var w = world();
        refused(w.as(w.gp).post("/api/consultations", w.body("\"type\":null")), 400, "type");
        refused(w.as(w.gp).post("/api/consultations", w.body("\"toInstitutionId\":\"" + w.primary + "\"")), 400, "CONSULTATION-0004");
        refused(w.as(w.gp).post("/api/consultations", w.body("\"toInstitutionId\":\"" + UUID.randomUUID() + "\"")), 400,
                "CONSULTATION-0005");
        refused(w.as(w.gp).post("/api/consultations", w.body("\"consentSignedOn\":\"" + LocalDate.now().plusDays(3) + "\"")),
                400, "CONSULTATION-0008");
        refused(w.as(w.gp).post("/api/consultations", w.body("\"reason\":\"" + "长".repeat(1001) + "\"")), 400,
                "CONSULTATION-0003");
    }

    // ---------------------------------------------------------------- TM-4 deadlines

    @Test
    void TM4_overdueRequestsAreEscalatedToTheOfficeAndExpireAtTheSecondLimit() {
        var w = freshWorld();
        var created = w.request("");
        String id = w.id(created);
        Instant requested = Instant.parse(created.get("createdAt").asString());
        Instant decideBy = Instant.parse(created.get("deadline").get("decideBy").asString());
        assertThat(Duration.between(requested, decideBy)).isEqualTo(Duration.ofHours(24));
        var emergency = w.request("\"urgency\":\"EMERGENCY\"");
        assertThat(Duration.between(Instant.parse(emergency.get("createdAt").asString()),
                Instant.parse(emergency.get("deadline").get("decideBy").asString()))).isEqualTo(Duration.ofMinutes(10));
        ConsultationFixture.ok(w.as(w.gp).post("/api/consultations/" + w.id(emergency) + "/cancel", "{}"));
        // the job's run at a chosen instant, for this test's requests only (the demo city's stay as they are)
        var mine = List.of(UUID.fromString(id), UUID.fromString(w.id(emergency)));

        DeadlineRuns.run(context, decideBy.minusSeconds(60), mine);
        assertThat(w.as(w.gp).get("/api/consultations/" + id).json().get("deadline").get("escalated").asBoolean()).isFalse();
        assertThat(w.as(w.office).get("/api/consultations?box=overdue").body()).doesNotContain(id);

        DeadlineRuns.run(context, decideBy.plusSeconds(60), mine);
        var after = w.as(w.gp).get("/api/consultations/" + id).json();
        assertThat(after.get("deadline").get("escalated").asBoolean()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("REQUESTED");
        DeadlineRuns.run(context, decideBy.plusSeconds(120), mine);
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/steps").body().split("\"ESCALATE\"", -1).length - 1)
                .isEqualTo(1);
        assertThat(w.as(w.office).get("/api/consultations?box=overdue").body()).contains(id);

        DeadlineRuns.run(context, decideBy.plus(Duration.ofHours(72)).plusSeconds(60), mine);
        var expired = w.as(w.gp).get("/api/consultations/" + id).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(w.as(w.office).get("/api/consultations?box=overdue").body()).doesNotContain(id);
    }

    // ---------------------------------------------------------------- conversation

    @Test
    void theConversationIsThreadedAndVisibleToBothSidesOnly() {
        var w = world();
        String id = w.into(ConsultationStatus.ACCEPTED);
        String base = "/api/consultations/" + id + "/messages";
        var q = w.as(w.specialist).post(base, "{\"body\":\"患者近期是否有胸痛？\"}");
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        var a = w.as(w.gp).post(base, "{\"body\":\"无胸痛\",\"inReplyTo\":\"" + q.json().get("id").asString() + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().get("inReplyTo").asString()).isEqualTo(q.json().get("id").asString());
        assertThat(w.as(w.specialist).get(base).json().size()).isEqualTo(2);
        refused(w.as(w.gp).post(base, "{\"body\":\"x\",\"inReplyTo\":\"" + UUID.randomUUID() + "\"}"), 400, "CONSULTATION-0009");
        assertThat(w.as(w.office).get(base).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).get(base).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).post(base, "{\"body\":\"我也来\"}").status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- access and audit

    @Test
    void onlyTheTwoSidesAndTheirOfficeSeeAConsultation() {
        var w = world();
        String id = w.into(ConsultationStatus.REQUESTED);
        String base = "/api/consultations/" + id;
        assertThat(w.as(w.gp).get(base).status()).isEqualTo(200);
        assertThat(w.as(w.specialist).get(base).status()).isEqualTo(200);
        assertThat(w.as(w.office).get(base).status()).isEqualTo(200);
        // an unrelated institution of the same consortium, another consortium's office, another jurisdiction
        var other = freshWorld();
        for (String user : List.of(w.outsider, w.otherSpecialist, other.office, other.gp, other.specialist, "integrator")) {
            assertThat(w.as(user).get(base).status()).as(user).isEqualTo(404);
            assertThat(w.as(user).get(base + "/steps").status()).as(user).isEqualTo(404);
            assertThat(w.as(user).post(base + "/accept", w.acceptBody()).status()).as(user).isEqualTo(404);
            assertThat(w.as(user).get("/api/consultations?box=to_me").body()).as(user).doesNotContain(id);
            assertThat(w.as(user).get("/api/consultations?box=overdue").body()).as(user).doesNotContain(id);
        }
        // a guessed UUID: the same answer as a foreign one
        assertThat(w.as(w.gp).get("/api/consultations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aResidentTheInvitingSideDoesNotCareForIsRefusedAsUnknown() {
        var w = world();
        long before = rowsOf(w.foreignResident);
        var foreign = w.as(w.gp).post("/api/consultations", w.body("\"residentId\":\"" + w.foreignResident + "\""));
        var unknown = w.as(w.gp).post("/api/consultations", w.body("\"residentId\":\"" + UUID.randomUUID() + "\""));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(rowsOf(w.foreignResident)).isEqualTo(before);
        // and nobody requests from another institution's side
        refused(w.as(w.gp).post("/api/consultations", w.body("\"fromInstitutionId\":\"" + w.otherHospital + "\"")), 403,
                "CONSULTATION-0002");
        refused(w.as(w.office).post("/api/consultations", w.body("")), 403, "CONSULTATION-0002");
    }

    @Test
    void theInvitedInstitutionCaresForTheResidentWhileTheConsultationIsOpen() {
        var w = freshWorld();
        var hospital = new InstitutionId(w.hospital);
        var resident = new ResidentId(w.resident);
        assertThat(residents.relationship(hospital, resident)).isEmpty();
        String id = w.into(ConsultationStatus.REQUESTED);
        assertThat(residents.relationship(hospital, resident)).isPresent();
        assertThat(residents.relationship(new InstitutionId(w.otherHospital), resident)).isEmpty();
        ConsultationFixture.ok(w.as(w.gp).post("/api/consultations/" + id + "/cancel", "{}"));
        assertThat(residents.relationship(hospital, resident)).isEmpty();
    }

    @Test
    void everyReadAndChangeIsAuditedWithTheResident() {
        var w = world();
        String id = w.into(ConsultationStatus.ACCEPTED);
        w.as(w.office).get("/api/consultations/" + id);
        var rows = audit.search(new AuditTrail.AuditQuery(null, "Consultation", id, null, 100));
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(w.office);
            assertThat(e.action().name()).isEqualTo("READ");
            assertThat(e.residentRef()).isEqualTo(w.resident.toString());
        });
        assertThat(rows).anySatisfy(e -> assertThat(e.action().name()).isEqualTo("CREATE"));
        assertThat(rows).anySatisfy(e -> assertThat(e.detail()).isEqualTo("ACCEPT"));
    }
}
