package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.AccountManagement;
import org.medunion.referral.internal.EscalationRuns;
import org.medunion.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The referral workflow end to end over HTTP (product.md §5; SH-15, CQ-6, CN-3, CN-4; I-2, I-3, I-13):
 * one HTTP test per workflow action and one refused transition (the whole transition table is the aggregate's unit
 * test, internal.ReferralTest), criteria, deadlines and escalation with a controllable clock, routing, closed
 * loop, scope, audit of every read, masking, idempotency, events (the system's commands: ReferralEventsContract).
 */
abstract class ReferralContract extends ReferralWorldTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReferralManagement referrals;

    private static final Map<Integer, ReferralFixture> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    ReferralFixture world() {
        return new ReferralFixture(port, registry, residents, scheduling, accounts);
    }

    /**
     * One set of accounts for the transition-table tests (creating accounts hashes passwords, which is slow);
     * each test still works on its own new referral and looks at nothing else.
     */
    ReferralFixture sharedWorld() {
        return SHARED.computeIfAbsent(port, p -> new ReferralFixture(p, registry, residents, scheduling, accounts));
    }

    /** The statuses an API user can bring a referral into (REDIRECTED is transient, EXPIRED needs the clock). */
    static final List<ReferralStatus> REACHABLE = List.of(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED,
            ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.ARRIVED, ReferralStatus.COMPLETED,
            ReferralStatus.CANCELLED);

    /** One legal transition per manual action, from the first status that allows it (the table: ReferralTest). */
    static Stream<Arguments> legalTransitions() {
        var out = new ArrayList<Arguments>();
        var seen = EnumSet.noneOf(ReferralAction.class);
        for (var s : REACHABLE) {
            Objects.requireNonNull(ReferralWorkflow.table().get(s)).forEach((action, next) -> {
                if (action.isManual() && seen.add(action)) {
                    out.add(Arguments.of(s, action, next));
                }
            });
        }
        return out.stream();
    }

    /** One refused transition over HTTP: completing before the resident arrived (every pair: ReferralTest). */
    static Stream<Arguments> illegalTransitions() {
        return Stream.of(Arguments.of(ReferralStatus.SUBMITTED, ReferralAction.COMPLETE));
    }

    private static String path(ReferralAction a) {
        return a.name().toLowerCase();
    }

    private String bodyFor(ReferralFixture w, ReferralAction a) {
        return switch (a) {
            case ACCEPT -> w.acceptBody();
            case REJECT -> "{\"reason\":\"NOT_INDICATED\",\"text\":\"manage in community\"}";
            case REDIRECT -> "{\"toInstitutionId\":\"" + w.otherHospital + "\",\"reason\":\"no bed\"}";
            case COMPLETE -> "{\"summary\":\"门诊小结：调整降压药\"}";
            case CANCEL -> "{\"reason\":\"resident declined\"}";
            default -> "";
        };
    }

    private String actorFor(ReferralFixture w, ReferralAction a) {
        return a == ReferralAction.SUBMIT || a == ReferralAction.CANCEL ? w.gp : w.specialist;
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legalTransitions")
    void everyLegalTransitionIsRecordedWithWhoAndWhen(ReferralStatus from, ReferralAction action, ReferralStatus next) {
        var w = sharedWorld();
        String id = w.into(from);
        String actor = actorFor(w, action);
        var r = w.as(actor).post("/api/referrals/" + id + "/" + path(action), bodyFor(w, action));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // a redirect lands as SUBMITTED at the new institution
        var expected = next == ReferralStatus.REDIRECTED ? ReferralStatus.SUBMITTED : next;
        assertThat(r.json().get("status").asString()).isEqualTo(expected.name());
        var timeline = w.as(w.gp).get("/api/referrals/" + id + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        var steps = timeline.json();
        boolean found = false;
        for (var step : steps) {
            if (step.get("action").asString().equals(action.name()) && step.get("toStatus").asString().equals(next.name())) {
                assertThat(step.get("actor").asString()).isEqualTo(actor);
                assertThat(step.get("at").asString()).isNotBlank();
                assertThat(step.get("fromStatus").asString()).isEqualTo(from.name());
                found = true;
            }
        }
        assertThat(found).as("transition %s recorded in %s", action, steps).isTrue();
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("illegalTransitions")
    void everyIllegalTransitionIsRefusedWith409NamingBothStatuses(ReferralStatus from, ReferralAction action) {
        var w = sharedWorld();
        String id;
        if (from == ReferralStatus.EXPIRED) {
            id = w.into(ReferralStatus.SUBMITTED);
            var submitted = EscalationRuns.run(context, Instant.now().plus(Duration.ofDays(30)), List.of(UUID.fromString(id)));
            assertThat(submitted.expired()).isGreaterThanOrEqualTo(1);
        } else {
            id = w.into(from);
        }
        long versionBefore = jdbc.sql("select version from referral_referral where id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
        var r = w.as("admin").post("/api/referrals/" + id + "/" + path(action), bodyFor(w, action));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("REFERRAL-0001");
        assertThat(r.json().get("detail").asString()).contains(from.name()).contains(action.requestedStatus().name());
        long versionAfter = jdbc.sql("select version from referral_referral where id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
        assertThat(versionAfter).as("nothing written").isEqualTo(versionBefore);
    }

    @Test
    void wrongSideIsForbidden() {
        var w = world();
        String id = w.into(ReferralStatus.SUBMITTED);
        // the referrer cannot accept its own referral; the receiver cannot cancel it
        assertThat(w.as(w.gp).post("/api/referrals/" + id + "/accept", w.acceptBody()).status()).isEqualTo(403);
        assertThat(w.as(w.specialist).post("/api/referrals/" + id + "/cancel", "{}").status()).isEqualTo(403);
        // the planner sees aggregates only
        assertThat(w.as("planner").get("/api/referrals/" + id).status()).isEqualTo(404);
        assertThat(w.as("planner").get("/api/referrals?box=inbox").status()).isEqualTo(403);
        assertThat(w.as("planner").post("/api/referrals", w.upBody("ROUTINE", false, null)).status()).isEqualTo(403);
        assertThat(w.as("planner").get("/api/referrals/statistics").status()).isEqualTo(200);
    }

    @Test
    void referralMeetingNoCriterionNeedsAReason() {
        var w = world();
        String body = w.upBody("ROUTINE", true, null).replace("\"noCriteriaReason\":\"专科评估需要\"", "\"noCriteriaReason\":null");
        var r = w.as(w.gp).post("/api/referrals", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("noCriteriaReason");
        assertThat(r.json().get("code").asString()).isEqualTo("REFERRAL-0002");
        assertThat(jdbc.sql("select count(*) from referral_referral where resident_id = ?").param(w.resident)
                .query(Long.class).single()).as("nothing half-written").isZero();

        // the office defines a criterion; the doctor sees it fit and cites it
        var c = w.as(w.office).post("/api/referrals/criteria", """
                {"consortiumId":"%s","direction":"UP","department":"心内科","diagnosisPrefix":"I10",
                 "text":"高血压规范治疗 3 个月血压仍未达标"}""".formatted(w.consortium));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String criterion = c.json().get("id").asString();
        var fit = w.as(w.gp).get("/api/referrals/criteria?consortium=" + w.consortium + "&direction=UP&department=心内科&diagnosis=I10.X00"
                .replace("心内科", java.net.URLEncoder.encode("心内科", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(fit.status()).isEqualTo(200);
        assertThat(fit.body()).contains(criterion);
        var noFit = w.as(w.gp).get("/api/referrals/criteria?consortium=" + w.consortium + "&direction=UP&diagnosis=E11.9");
        assertThat(noFit.body()).doesNotContain(criterion);
        var cited = w.as(w.gp).post("/api/referrals",
                body.replace("\"submit\":true", "\"criteriaMet\":[\"" + criterion + "\"],\"submit\":true"));
        assertThat(cited.status()).as(cited.body()).isEqualTo(201);
        assertThat(cited.json().get("status").asString()).isEqualTo("SUBMITTED");
        // a GP may not maintain criteria
        assertThat(w.as(w.gp).post("/api/referrals/criteria", """
                {"consortiumId":"%s","direction":"UP","text":"x"}""".formatted(w.consortium)).status()).isEqualTo(403);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        var w = world();
        var api = w.as(w.gp);
        var noReason = api.post("/api/referrals", w.upBody("ROUTINE", false, null).replace("\"reason\":\"血压控制不佳\",", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        var badIcd = api.post("/api/referrals", w.upBody("ROUTINE", false, null).replace("\"I10\"", "\"hypertension\""));
        assertThat(badIcd.status()).isEqualTo(400);
        assertThat(badIcd.json().get("field").asString()).isEqualTo("diagnosisCode");
        var badUrgency = api.post("/api/referrals", w.upBody("SOON", false, null));
        assertThat(badUrgency.status()).isEqualTo(400);
        assertThat(badUrgency.json().get("field").asString()).isEqualTo("urgency");
        var badId = api.post("/api/referrals", w.upBody("ROUTINE", false, null).replace(w.residentIdNumber, "110101199001011235"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("field").asString()).isEqualTo("residentIdNumber");
        var malformed = api.post("/api/referrals", "{\"direction\":");
        assertThat(malformed.status()).isEqualTo(400);
        var otherInstitution = api.post("/api/referrals",
                w.upBody("ROUTINE", false, "\"fromInstitutionId\":\"" + UUID.randomUUID() + "\""));
        assertThat(otherInstitution.status()).isEqualTo(403);
        var careplanUp = api.post("/api/referrals", w.upBody("ROUTINE", false, "\"carePlan\":\"x\""));
        assertThat(careplanUp.status()).isEqualTo(400);
        assertThat(careplanUp.json().get("code").asString()).isEqualTo("REFERRAL-0010");
        String id = w.into(ReferralStatus.SUBMITTED);
        var noRejectReason = w.as(w.specialist).post("/api/referrals/" + id + "/reject", "{}");
        assertThat(noRejectReason.status()).isEqualTo(400);
        assertThat(noRejectReason.json().get("field").asString()).isEqualTo("reason");
        var badRejectReason = w.as(w.specialist).post("/api/referrals/" + id + "/reject", "{\"reason\":\"BORED\"}");
        assertThat(badRejectReason.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from referral_referral where resident_id = ?").param(w.resident)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deadlinesEscalateToTheDeskAndExpire_controllableClock() {
        var w = world();
        var created = w.create("EMERGENCY", true);
        String id = w.id(created);
        var mine = List.of(UUID.fromString(id));
        Instant submitted = Instant.parse(created.get("submittedAt").asString());
        Instant deadline = Instant.parse(created.get("acceptanceDeadline").asString());
        assertThat(Duration.between(submitted, deadline)).isEqualTo(Duration.ofMinutes(30));
        var routine = w.create("ROUTINE", true);
        assertThat(Duration.between(Instant.parse(routine.get("submittedAt").asString()),
                Instant.parse(routine.get("acceptanceDeadline").asString()))).isEqualTo(Duration.ofHours(48));

        EscalationRuns.run(context, submitted.plus(Duration.ofMinutes(29)), mine);
        assertThat(w.as(w.gp).get("/api/referrals/" + id).json().get("escalated").asBoolean()).isFalse();

        EscalationRuns.run(context, submitted.plus(Duration.ofMinutes(31)), mine);
        var after = w.as(w.gp).get("/api/referrals/" + id).json();
        assertThat(after.get("escalated").asBoolean()).isTrue();
        assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
        // running again (another instance, the next minute) changes nothing
        EscalationRuns.run(context, submitted.plus(Duration.ofMinutes(32)), mine);
        var timeline = w.as(w.gp).get("/api/referrals/" + id + "/timeline").body();
        assertThat(timeline.split("\"ESCALATE\"", -1).length - 1).isEqualTo(1);
        // the desk sees the overdue referral first
        var desk = w.as(w.office).get("/api/referrals?box=desk");
        assertThat(desk.status()).isEqualTo(200);
        assertThat(desk.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(desk.json().get(0).get("overdue").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%ReferralEscalated' and serialized_event like ?")
                .param("%" + after.get("number").asString() + "%").query(Long.class).single()).isGreaterThanOrEqualTo(1);

        EscalationRuns.run(context, deadline.plus(Duration.ofDays(7)).plusSeconds(60), mine);
        var expired = w.as(w.gp).get("/api/referrals/" + id).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(w.as(w.gp).get("/api/referrals/" + id + "/timeline").body()).contains("\"EXPIRE\"");
    }

    @Test
    void redirectResubmitsAtTheNewInstitution() {
        var w = world();
        String id = w.into(ReferralStatus.SUBMITTED);
        var r = w.as(w.office).post("/api/referrals/" + id + "/redirect",
                "{\"toInstitutionId\":\"" + w.otherHospital + "\",\"reason\":\"心内科床位已满\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.json().get("toInstitutionId").asString()).isEqualTo(w.otherHospital.toString());
        // the first hospital no longer sees it, the new one does and can accept
        assertThat(w.as(w.specialist).get("/api/referrals/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.otherSpecialist).post("/api/referrals/" + id + "/accept", w.acceptAtOtherBody()).status()).isEqualTo(200);
        var timeline = w.as(w.gp).get("/api/referrals/" + id + "/timeline").json();
        var actions = new ArrayList<String>();
        timeline.forEach(t -> actions.add(t.get("action").asString() + ":" + t.get("toStatus").asString()));
        assertThat(actions).containsSubsequence("SUBMIT:SUBMITTED", "REDIRECT:REDIRECTED", "SUBMIT:SUBMITTED", "ACCEPT:ACCEPTED");
    }

    @Test
    void closedLoopReturnsTheSummaryToTheReferrer_I3() {
        var w = world();
        String id = w.into(ReferralStatus.COMPLETED);
        var seen = w.as(w.gp).get("/api/referrals/" + id).json();
        assertThat(seen.get("feedback").get("summary").asString()).isEqualTo("出院小结：血压已控制");
        assertThat(seen.get("feedback").get("returnedBy").asString()).isEqualTo(w.specialist);
        var stats = w.as(w.office).get("/api/referrals/statistics").json();
        assertThat(stats.get("closedLoopRate").asDouble()).isEqualTo(1.0);
        assertThat(stats.get("completedByDirection").get("UP").asLong()).isEqualTo(1);
        assertThat(stats.get("responseMinutesMedian").isNull()).isFalse();
        // published once: one publication per listener (webhooks, FHIR subscriptions), none twice
        var perListener = jdbc.sql("select listener_id, count(*) from event_publication where event_type like '%ReferralCompleted'"
                + " and serialized_event like ? group by listener_id")
                .param("%" + seen.get("number").asString() + "%").query((rs, i) -> rs.getLong(2)).list();
        assertThat(perListener).isNotEmpty().allMatch(n -> n == 1);

        // the indicators I-2 and I-3 of the consortium this month: one upward referral completed and none downward;
        // a second one received (submitted) without a summary yet
        w.into(ReferralStatus.SUBMITTED);
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var i2 = w.as(w.office).get("/api/indicators/values/I-2?level=CONSORTIUM&subject=" + w.consortium + "&period=" + month);
        assertThat(i2.status()).as(i2.body()).isEqualTo(200);
        assertThat(i2.json().get("numerator").asLong()).as(i2.body()).isZero();
        assertThat(i2.json().get("denominator").asLong()).as(i2.body()).isEqualTo(1);
        var i3 = w.as(w.office).get("/api/indicators/values/I-3?level=CONSORTIUM&subject=" + w.consortium + "&period=" + month);
        assertThat(i3.json().get("numerator").asLong()).as(i3.body()).isEqualTo(1);
        assertThat(i3.json().get("denominator").asLong()).as(i3.body()).isEqualTo(2);
        assertThat(i3.json().get("value").decimalValue()).isEqualByComparingTo("0.5");
        // the receiving hospital alone received both; the referring centre received none
        var lead = w.as(w.office).get("/api/indicators/values/I-3?level=INSTITUTION&subject=" + w.hospital + "&period=" + month);
        assertThat(lead.json().get("denominator").asLong()).as(lead.body()).isEqualTo(2);
        var centre = w.as(w.office).get("/api/indicators/values/I-3?level=INSTITUTION&subject=" + w.primary + "&period=" + month);
        assertThat(centre.json().get("value").isNull()).as(centre.body()).isTrue();
        // where the consortium's value comes from: the same indicator per member, in REST and on the console
        var members = w.as(w.office)
                .get("/api/indicators/values/I-3/members?level=CONSORTIUM&subject=" + w.consortium + "&period=" + month);
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        var perMember = new java.util.HashMap<String, JsonNode>();
        members.json().forEach(v -> perMember.put(v.get("subject").asString(), v));
        assertThat(Objects.requireNonNull(perMember.get(w.hospital.toString())).get("denominator").asLong()).isEqualTo(2);
        assertThat(Objects.requireNonNull(perMember.get(w.primary.toString())).get("value").isNull()).isTrue();
        var page = org.medunion.web.ConsoleSession.login(port, w.office)
                .get("/console/indicators/members?indicator=I-3&level=CONSORTIUM&subject=" + w.consortium + "&period=" + month);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"member-" + w.hospital + "\"", "id=\"member-" + w.primary + "\"", "1 / 2");
        assertThat(w.as(w.outsider).get("/api/indicators/values/I-3/members?level=CONSORTIUM&subject=" + w.consortium + "&period="
                + month).status()).isIn(403, 404);
        // the referrals behind the values: I-3's two received ones, one with its summary; I-2's one completed upward
        var office = org.medunion.web.ConsoleSession.login(port, w.office);
        var dashboard = office.get("/console/indicators?subject=CONSORTIUM:" + w.consortium + "&period=" + month).body();
        assertThat(dashboard).contains("/console/indicators/records?indicator=I-3&amp;level=CONSORTIUM&amp;subject=" + w.consortium);
        var behindI3 = office.get("/console/indicators/records?indicator=I-3&level=CONSORTIUM&subject=" + w.consortium
                + "&period=" + month);
        assertThat(behindI3.status()).as(behindI3.body()).isEqualTo(200);
        assertThat(behindI3.body().split("class=\"referral\"", -1)).hasSize(3);
        assertThat(behindI3.body()).contains(seen.get("number").asString(), "已回执", "已提交")
                .doesNotContain(w.resident.toString());
        var behindI2 = office.get("/console/indicators/records?indicator=I-2&level=CONSORTIUM&subject=" + w.consortium
                + "&period=" + month).body();
        assertThat(behindI2.split("class=\"referral\"", -1)).hasSize(2);
        assertThat(behindI2).contains(seen.get("number").asString(), "上转", "已完成");
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'IndicatorRecords' and actor = ?")
                .param(w.office).query(Long.class).single()).isEqualTo(2);
        assertThat(org.medunion.web.ConsoleSession.login(port, w.outsider).get("/console/indicators/records?indicator=I-3"
                + "&level=CONSORTIUM&subject=" + w.consortium + "&period=" + month).status()).isIn(403, 404);
    }

    @Test
    void I13_responseTimeIsTheReceivedReferralsTimeToAcceptanceWithTheRejectionsByReason() {
        var w = world();
        var accepted = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            accepted.add(w.into(ReferralStatus.ACCEPTED));
        }
        w.into(ReferralStatus.REJECTED);
        w.into(ReferralStatus.SUBMITTED);
        // accepted 60, 120 and 300 minutes after submission
        int[] minutes = {60, 120, 300};
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.fromString(accepted.get(i));
            var submitted = jdbc.sql("select submitted_at from referral_referral where id = ?").param(id)
                    .query(java.sql.Timestamp.class).single().toInstant();
            jdbc.sql("update referral_transition set at = ? where referral_id = ? and to_status = 'ACCEPTED'")
                    .params(java.sql.Timestamp.from(submitted.plus(java.time.Duration.ofMinutes(minutes[i]))), id).update();
        }
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var r = w.as(w.office).get("/api/indicators/values/I-13?level=INSTITUTION&subject=" + w.hospital + "&period=" + month);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var v = r.json();
        // (1 + 2 + 5) h over 3 accepted = 2.6667 h; the unanswered and the rejected one have no acceptance time
        assertThat(v.get("numerator").decimalValue()).isEqualByComparingTo("8");
        assertThat(v.get("denominator").decimalValue()).isEqualByComparingTo("3");
        assertThat(v.get("value").decimalValue()).isEqualByComparingTo("2.6667");
        assertThat(v.get("sourceRecords").asLong()).isEqualTo(5);
        var parts = new java.util.HashMap<String, JsonNode>();
        v.get("parts").forEach(p -> parts.put(p.get("key").asString(), p));
        assertThat(Objects.requireNonNull(parts.get("acceptMedian")).get("value").decimalValue()).isEqualByComparingTo("2");
        assertThat(Objects.requireNonNull(parts.get("acceptP90")).get("value").decimalValue()).isEqualByComparingTo("5");
        // rejected: 1 of the 4 answered; all of it for want of capacity
        assertThat(Objects.requireNonNull(parts.get("rejected")).get("value").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(Objects.requireNonNull(parts.get("NO_CAPACITY")).get("numerator").asLong()).isEqualTo(1);
        assertThat(parts.get("NO_CAPACITY").get("denominator").asLong()).isEqualTo(1);
        assertThat(Objects.requireNonNull(parts.get("NOT_INDICATED")).get("numerator").asLong()).isZero();
        // the referring centre received none
        var centre = w.as(w.office).get("/api/indicators/values/I-13?level=INSTITUTION&subject=" + w.primary + "&period=" + month);
        assertThat(centre.json().get("value").isNull()).as(centre.body()).isTrue();
        var page = org.medunion.web.ConsoleSession.login(port, w.office)
                .get("/console/indicators?subject=CONSORTIUM:" + w.consortium + "&period=" + month);
        assertThat(page.body()).contains("转诊响应时间").contains("提交至接收的中位数（小时）: 2.00").contains("拒收原因：无号源或床位: 1.0000 = 1 / 1");
        // the five received referrals behind the hospital's value, the rejected one with its reason
        var behind = org.medunion.web.ConsoleSession.login(port, w.office)
                .get("/console/indicators/records?indicator=I-13&level=INSTITUTION&subject=" + w.hospital + "&period=" + month).body();
        assertThat(behind.split("class=\"referral\"", -1)).hasSize(6);
        assertThat(behind).contains("无号源或床位", "已拒绝");
    }

    @Test
    void downwardReferralCarriesCarePlanFollowUpsAndExtendedPrescription() {
        var w = world();
        var r = w.as(w.specialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","consortiumId":"%s","reason":"病情稳定",
                 "diagnosisCode":"E11.9","diagnosisText":"2 型糖尿病","urgency":"ROUTINE","noCriteriaReason":"稳定期",
                 "destinationType":"FAMILY_BED","carePlan":"控制饮食，监测血糖",
                 "followUpTasks":[{"description":"空腹血糖复查","dueDate":"2027-01-10"},{"description":"足部检查","dueDate":"2027-02-01"}],
                 "medications":[{"drug":"二甲双胍缓释片","dose":"0.5 g","frequency":"bid","days":56}],"submit":true}"""
                .formatted(w.primary, w.resident, w.consortium));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var plan = r.json().get("carePlan");
        assertThat(plan.get("plan").asString()).contains("血糖");
        assertThat(plan.get("tasks")).hasSize(2);
        assertThat(plan.get("tasks").get(0).get("dueDate").asString()).isEqualTo("2027-01-10");
        assertThat(plan.get("medications").get(0).get("days").asInt()).isEqualTo(56);
        // the GP receives it in the inbox
        var inbox = w.as(w.gp).get("/api/referrals?box=inbox");
        assertThat(inbox.body()).contains(r.json().get("id").asString());
        var noDestination = w.as(w.specialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"x","diagnosisCode":"E11",
                 "diagnosisText":"x","urgency":"ROUTINE"}""".formatted(w.primary, w.resident));
        assertThat(noDestination.status()).isEqualTo(400);
        assertThat(noDestination.json().get("field").asString()).isEqualTo("destinationType");
    }

    @Test
    void CN3_nursingHomeResidentsGoToTheZonesBackingHospital() {
        var w = world();
        UUID nursingHome = w.register("护理院", org.medunion.registry.InstitutionCategory.NURSING_HOME);
        UUID backing = w.register("区域医疗中心", org.medunion.registry.InstitutionCategory.GENERAL_HOSPITAL);
        UUID zone = referrals.defineZone("31" + (int) (Math.random() * 9000 + 1000), "EAST", backing);
        referrals.assignToZone(nursingHome, zone);
        String nurseGp = "nh-" + System.nanoTime();
        accounts.ensureAccount(new AccountManagement.NewAccount(nurseGp, "demo", "NH GP", org.medunion.identity.Role.GP,
                org.medunion.identity.Scope.institution(nursingHome)));
        // a resident of the nursing home's own records: the home may refer only residents it cares for (issue 10)
        UUID nhResident = residents.importResidents(List.of(new org.medunion.residents.RegisterResident(
                ReferralFixture.idNumber(), "王五", null, null, null, null,
                new org.medunion.registry.InstitutionId(nursingHome), null))).get(0).value();
        var suggestions = org.medunion.support.Api.as(port, nurseGp)
                .get("/api/referrals/suggest-destinations?resident=" + nhResident + "&direction=UP");
        assertThat(suggestions.status()).as(suggestions.body()).isEqualTo(200);
        assertThat(suggestions.json().get(0).get("institutionId").asString()).isEqualTo(backing.toString());
        assertThat(suggestions.json().get(0).get("ruleId").asString()).isEqualTo("CN-3");
        // an uncontracted resident, so that only CN-3 speaks (SH-15 would flag the contracted one)
        String body = w.upBody("URGENT", true, null).replace(w.resident.toString(), nhResident.toString())
                .replace("\"consortiumId\":\"" + w.consortium + "\",", "");
        var elsewhere = org.medunion.support.Api.as(port, nurseGp).post("/api/referrals", body);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
        assertThat(elsewhere.json().get("routingFinding").asString()).contains("CN-3");
        var toBacking = org.medunion.support.Api.as(port, nurseGp).post("/api/referrals",
                body.replace(w.hospital.toString(), backing.toString()));
        assertThat(toBacking.json().get("routingFinding").isNull()).isTrue();
    }

    @Test
    void CN4_hospiceReferralsByBedType() {
        var w = world();
        UUID regional = w.register("安宁疗护中心", org.medunion.registry.InstitutionCategory.HOSPICE);
        UUID homeCentre = w.register("社区安宁疗护", org.medunion.registry.InstitutionCategory.COMMUNITY_HEALTH_CENTRE);
        referrals.registerHospiceCentre(regional, "310104", true);
        referrals.registerHospiceCentre(homeCentre, "310104", false);
        var s = w.as(w.specialist).get("/api/referrals/suggest-destinations?resident=" + w.resident
                + "&direction=DOWN&destinationType=HOSPICE_INSTITUTIONAL");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        assertThat(s.body()).contains(regional.toString()).doesNotContain(homeCentre.toString());
        var h = w.as(w.specialist).get("/api/referrals/suggest-destinations?resident=" + w.resident
                + "&direction=DOWN&destinationType=HOSPICE_HOME");
        assertThat(h.body()).contains(homeCentre.toString()).doesNotContain(regional.toString());
        String down = """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"终末期","diagnosisCode":"C34.9",
                 "diagnosisText":"肺恶性肿瘤","urgency":"URGENT","noCriteriaReason":"安宁疗护","destinationType":"HOSPICE_INSTITUTIONAL"}""";
        var wrong = w.as(w.specialist).post("/api/referrals", down.formatted(homeCentre, w.resident));
        assertThat(wrong.status()).isEqualTo(201);
        assertThat(wrong.json().get("routingFinding").asString()).contains("CN-4");
        var right = w.as(w.specialist).post("/api/referrals", down.formatted(regional, w.resident));
        assertThat(right.json().get("routingFinding").isNull()).isTrue();
    }

    @Test
    void eachSideSeesOnlyWhatItSendsOrReceives_andEveryReadIsAudited() {
        var w = world();
        String id = w.into(ReferralStatus.SUBMITTED);
        long before = audit.count(new AuditTrail.AuditQuery(null, "Referral", id, null, 1000));
        assertThat(w.as(w.gp).get("/api/referrals/" + id).status()).isEqualTo(200);
        assertThat(w.as(w.specialist).get("/api/referrals/" + id).status()).isEqualTo(200);
        assertThat(w.as(w.office).get("/api/referrals/" + id).status()).isEqualTo(200);
        assertThat(w.as(w.gp).get("/api/referrals/" + id + "/timeline").status()).isEqualTo(200);
        assertThat(w.as(w.outsider).get("/api/referrals/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.otherSpecialist).get("/api/referrals/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).get("/api/referrals?box=outbox").body()).doesNotContain(id);
        assertThat(w.as(w.outsider).get("/api/referrals?resident=" + w.resident).body()).doesNotContain(id);
        var outbox = w.as(w.gp).get("/api/referrals?box=outbox");
        var inbox = w.as(w.specialist).get("/api/referrals?box=inbox");
        assertThat(outbox.body()).contains(id);
        assertThat(inbox.body()).contains(id);
        assertThat(w.as(w.gp).get("/api/referrals?box=inbox").body()).doesNotContain(id);
        long after = audit.count(new AuditTrail.AuditQuery(null, "Referral", id, null, 1000));
        assertThat(after - before).as("one audit row per read: 3 gets + timeline + outbox + inbox").isEqualTo(6);
        var rows = audit.search(new AuditTrail.AuditQuery(w.specialist, "Referral", id, null, 10));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).residentRef()).isEqualTo(w.resident.toString());
    }

    @Test
    void residentIdentifiersAreMaskedPerRole_S3() {
        var w = world();
        String id = w.into(ReferralStatus.SUBMITTED);
        assertThat(w.as(w.specialist).get("/api/referrals/" + id).json().get("residentIdNumber").asString())
                .isEqualTo(w.residentIdNumber);
        String masked = w.as(w.office).get("/api/referrals/" + id).json().get("residentIdNumber").asString();
        assertThat(masked).isNotEqualTo(w.residentIdNumber).contains("****");
        assertThat(w.as("integrator").get("/api/referrals/" + id).body()).doesNotContain(w.residentIdNumber);
    }

    @Test
    void sameIdempotencyKeyGivesOneReferral_R4() {
        var w = world();
        String key = UUID.randomUUID().toString();
        var first = keyed(w, "ROUTINE", key);
        var second = keyed(w, "ROUTINE", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(jdbc.sql("select count(*) from referral_referral where resident_id = ?").param(w.resident)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** A submitted upward referral created with an Idempotency-Key. */
    private static Api.Response keyed(ReferralFixture w, String urgency, String key) {
        return w.as(w.gp).send("POST", "/api/referrals", w.upBody(urgency, true, null),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }

    /** The shared mechanism (decision 0091): the first answer again, and its replay audited as a read. */
    @Test
    void aReplayedReferralIsAuditedAsARead_R4() {
        var w = world();
        String key = UUID.randomUUID().toString();
        var first = keyed(w, "ROUTINE", key);
        String id = first.json().get("id").asString();
        long before = audit.count(new AuditTrail.AuditQuery(null, "Referral", id, null, 1000));
        var replay = keyed(w, "ROUTINE", key);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(audit.count(new AuditTrail.AuditQuery(null, "Referral", id, null, 1000))).isEqualTo(before + 1);
        var row = audit.search(new AuditTrail.AuditQuery(w.gp, "Referral", id, null, 1)).get(0);
        assertThat(row.detail()).contains("Idempotency-Key replay");
    }

    /** A key reused with another body used to return the first referral silently; now it is refused. */
    @Test
    void theSameKeyWithAnotherBodyIsRefused_R4() {
        var w = world();
        String key = UUID.randomUUID().toString();
        var first = keyed(w, "ROUTINE", key);
        var other = keyed(w, "URGENT", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("SHARED-0002");
        assertThat(other.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(jdbc.sql("select count(*) from referral_referral where resident_id = ?").param(w.resident)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eventsGoThroughThePublicationRegistryAndComplete() throws Exception {
        var w = world();
        var r = w.create("URGENT", true);
        String number = r.get("number").asString();
        assertThat(number).matches("RF-\\d{4}-\\d{6}");
        // one publication per listener (webhooks, FHIR subscriptions); every one of them completes
        String listeners = "select count(distinct listener_id) from event_publication where event_type like '%ReferralSubmitted' "
                + "and serialized_event like ?";
        long deadline = System.currentTimeMillis() + 10_000;
        long completed = 0;
        long expected = 0;
        while (System.currentTimeMillis() < deadline) {
            expected = jdbc.sql(listeners).param("%" + number + "%").query(Long.class).single();
            completed = jdbc.sql("select count(*) from event_publication where event_type like '%ReferralSubmitted' "
                    + "and serialized_event like ? and completion_date is not null").param("%" + number + "%")
                    .query(Long.class).single();
            if (expected > 0 && completed == expected) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(expected).isPositive();
        assertThat(completed).isEqualTo(expected);
    }

    @Test
    void SH15_contractHospitalsComeFirstAndOthersAreFlagged() {
        var w = world();
        var s = w.as(w.gp).get("/api/referrals/suggest-destinations?resident=" + w.resident + "&direction=UP");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        assertThat(s.json().get(0).get("institutionId").asString()).isEqualTo(w.otherHospital.toString());
        assertThat(s.json().get(0).get("basis").asString()).isEqualTo("CONTRACT_DISTRICT");
        assertThat(s.json().get(1).get("institutionId").asString()).isEqualTo(w.hospital.toString());
        assertThat(s.json().get(1).get("ruleId").asString()).isEqualTo("SH-15");
        var inside = w.create("ROUTINE", true);
        assertThat(inside.get("routingFinding").isNull()).isTrue();
        assertThat(inside.get("contractId").isNull()).isFalse();
        var outside = w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true, null)
                .replace(w.hospital.toString(), w.register("市外医院", org.medunion.registry.InstitutionCategory.GENERAL_HOSPITAL).toString())
                .replace("\"consortiumId\":\"" + w.consortium + "\",", ""));
        assertThat(outside.status()).as(outside.body()).isEqualTo(201);
        assertThat(outside.json().get("routingFinding").asString()).contains("SH-15");
    }

    @Test
    void CQ6_contractedResidentIsBookedWithPriority_uncontractedFromThePublicPool() {
        var w = world();
        var contracted = w.create("ROUTINE", true);
        assertThat(contracted.get("priority").get("visit").asBoolean()).isTrue();
        var accepted = w.as(w.specialist).post("/api/referrals/" + w.id(contracted) + "/accept", w.acceptBody());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String bookingId = accepted.json().get("bookingId").asString();
        var booking = jdbc.sql("select priority, pool, primary_care from scheduling_booking where id = ?")
                .param(UUID.fromString(bookingId)).query((rs, n) -> List.of(String.valueOf(rs.getString(1)), rs.getString(2),
                        String.valueOf(rs.getBoolean(3))))
                .single();
        assertThat(booking.get(0)).isEqualTo("PRIORITY_VISIT");
        assertThat(booking.get(1)).isEqualTo("PRIMARY_CARE_RESERVED");
        assertThat(booking.get(2)).isEqualTo("true");

        var uncontracted = w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true, null)
                .replace(w.resident.toString(), w.stranger.toString()));
        assertThat(uncontracted.json().get("priority").get("visit").asBoolean()).isFalse();
        var plain = w.as(w.specialist).post("/api/referrals/" + uncontracted.json().get("id").asString() + "/accept", w.acceptBody());
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        var other = jdbc.sql("select priority, pool from scheduling_booking where id = ?")
                .param(UUID.fromString(plain.json().get("bookingId").asString()))
                .query((rs, n) -> String.valueOf(rs.getString(1)) + "/" + rs.getString(2)).single();
        assertThat(other).isEqualTo("null/PUBLIC");
        // a bed request against an outpatient schedule is refused and books nothing
        String third = w.id(w.create("ROUTINE", true));
        var wrongKind = w.as(w.specialist).post("/api/referrals/" + third + "/accept",
                w.acceptBody().replace("SLOT", "BED"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().get("field").asString()).isEqualTo("bookingKind");
        assertThat(w.as(w.gp).get("/api/referrals/" + third).json().get("status").asString()).isEqualTo("SUBMITTED");
    }
}
