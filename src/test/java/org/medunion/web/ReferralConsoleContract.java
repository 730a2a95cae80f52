package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The referral console's forms over real HTTP (form login, CSRF): the GP's new-referral form with htmx
 * fragments (residents, criteria), the detail page's actions by role and status, follow-up tasks, the office's
 * criteria — each with bad input coming back as the form with the field's message and nothing written, and a
 * 403 for a role that may not act.
 */
abstract class ReferralConsoleContract extends RunningCity {

    @Autowired
    SchedulingManagement scheduling;

    @Autowired
    org.medunion.scheduling.unscoped.SystemScheduling systemScheduling;

    record World(SchedulingFixture.Group g, String office) {

        UUID lead() {
            return g.lead().value();
        }

        UUID resident() {
            return g.contracted().value();
        }
    }

    World world() {
        var g = SchedulingFixture.group(registry, residents, accounts);
        String office = "rco-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(office, "demo", "Office", Role.OFFICE, Scope.consortium(g.consortium().value())));
        var day = LocalDate.now().plusDays(1);
        systemScheduling.publishSchedules(List.of(new PublishSchedule(g.lead(), "心内科", "心血管内科", null,
                ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(1), LocalTime.of(8, 0), LocalTime.of(10, 0), 15, 2, "1/3",
                null)), "console-test");
        return new World(g, office);
    }

    long referralsOf(World w) {
        return jdbc.sql("select count(*) from referral_referral where resident_id = ?").param(w.resident()).query(Long.class).single();
    }

    static List<Map.Entry<String, String>> upForm(World w, String icd, @Nullable String criterion, String noCriteriaReason,
                                                  String action) {
        var f = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("residentId", w.resident().toString()),
                Map.entry("direction", "UP"), Map.entry("toInstitutionId", w.lead().toString()),
                Map.entry("toDepartment", "心内科"), Map.entry("diagnosisCode", icd), Map.entry("diagnosisText", "原发性高血压"),
                Map.entry("urgency", "URGENT"), Map.entry("reason", "血压控制不佳"), Map.entry("clinicalSummary", "170/100 mmHg"),
                Map.entry("noCriteriaReason", noCriteriaReason), Map.entry("action", action)));
        if (criterion != null) {
            f.add(Map.entry("criteriaMet", criterion));
        }
        return f;
    }

    static String referralIdFrom(String location) {
        var m = Pattern.compile("/console/referrals/([0-9a-f-]{36})").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    String criterion(World w, String text) {
        var office = ConsoleSession.login(port, w.office());
        var page = office.get("/console/referrals/criteria");
        assertThat(page.status()).isEqualTo(200);
        var saved = office.post("/console/referrals/criteria", Map.of("direction", "UP", "department", "心内科",
                "diagnosisPrefix", "I10", "text", text), page);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        return jdbc.sql("select id from referral_criterion where consortium_id = ? and text = ?")
                .params(w.g().consortium().value(), text).query(UUID.class).single().toString();
    }

    @Test
    void gpFindsTheResidentMasked_seesFittingCriteria_andSubmitsTickingOne() {
        var w = world();
        String crit = criterion(w, "血压持续 ≥160/100 mmHg 经调整仍控制不佳");
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var form = gp.get("/console/referrals/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"diagnosisCode\"", "name=\"_csrf\"", "/console/referrals/new/criteria");
        var found = gp
                .getHtmx("/console/referrals/new/residents?q=" + java.net.URLEncoder.encode("陈静", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.body()).contains(w.resident().toString()).contains("****");
        var destinations = gp.getHtmx("/console/referrals/new/destinations?direction=UP&residentId=" + w.resident());
        assertThat(destinations.body()).contains(w.lead().toString());
        var fitting = gp.getHtmx("/console/referrals/new/criteria?direction=UP&toDepartment=%E5%BF%83%E5%86%85%E7%A7%91"
                + "&diagnosisCode=I10.X00&toInstitutionId=" + w.lead());
        assertThat(fitting.body()).contains(crit).contains("type=\"checkbox\"");
        assertThat(gp.getHtmx("/console/referrals/new/criteria?direction=UP&diagnosisCode=E11&toInstitutionId=" + w.lead())
                .body()).doesNotContain(crit);
        var created = gp.post("/console/referrals/new", upForm(w, "I10", crit, "", "submit"), form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = referralIdFrom(created.location());
        assertThat(jdbc.sql("select status from referral_referral where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select criteria_met from referral_referral where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo(crit);
        var detail = gp.get("/console/referrals/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("已提交").contains("act-cancel").doesNotContain("accept-form");
    }

    @Test
    void newReferralBadInputComesBackWithTheFieldMessage_andNothingIsWritten() {
        var w = world();
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var form = gp.get("/console/referrals/new");
        long before = referralsOf(w);
        var badCode = gp.post("/console/referrals/new", upForm(w, "XYZ", null, "专科评估", "draft"), form);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("field-error").contains("XYZ").contains("ICD-10").contains("原发性高血压");
        var noReason = gp.post("/console/referrals/new", upForm(w, "I10", null, "", "submit"), form);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("field-error").contains("不符合任何转诊标准");
        var downOnly = new ArrayList<>(upForm(w, "I10", null, "x", "draft"));
        downOnly.replaceAll(e -> e.getKey().equals("direction") ? Map.entry("direction", "DOWN") : e);
        downOnly.addAll(List.of(Map.entry("destinationType", "FAMILY_BED"), Map.entry("taskDescription", "测血压"),
                Map.entry("taskDue", "not-a-date")));
        var badDate = gp.post("/console/referrals/new", downOnly, form);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("field-error").contains("not-a-date");
        assertThat(referralsOf(w)).isEqualTo(before);
        // the planner may not refer
        assertThat(ConsoleSession.login(port, "planner").get("/console/referrals/new").status()).isEqualTo(403);
    }

    @Test
    void theReceivingSpecialistAcceptsWithASlot_theGpMayNot_andBadInputIsShownAtTheField() {
        var w = world();
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var form = gp.get("/console/referrals/new");
        String id = referralIdFrom(gp.post("/console/referrals/new", upForm(w, "I10", null, "专科评估", "submit"), form).location());
        var gpDetail = gp.get("/console/referrals/" + id);
        var forbidden = gp.post("/console/referrals/" + id + "/accept", Map.of("resourceId", UUID.randomUUID().toString()), gpDetail);
        assertThat(forbidden.status()).isEqualTo(403);
        var specialist = ConsoleSession.login(port, w.g().leadUser());
        var detail = specialist.get("/console/referrals/" + id);
        assertThat(detail.body()).contains("accept-form", "reject-form", "redirect-form").doesNotContain("act-cancel");
        // the slots come grouped by kind, day and department (one optgroup each)
        var slot = Pattern
                .compile(
                        "name=\"resourceId\">\\s*<option value=\"\"[^<]*</option>\\s*<optgroup [^>]*>\\s*<option value=\"([0-9a-f-]{36})\"")
                .matcher(detail.body());
        assertThat(slot.find()).as("a free slot of the receiving hospital is offered").isTrue();
        var noSlot = specialist.post("/console/referrals/" + id + "/accept", Map.of("resourceId", ""), detail);
        assertThat(noSlot.status()).isEqualTo(400);
        assertThat(noSlot.body()).contains("field-error").contains("accept-form");
        var noReason = specialist.post("/console/referrals/" + id + "/reject", Map.of("reason", ""), detail);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("field-error");
        assertThat(jdbc.sql("select status from referral_referral where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("SUBMITTED");
        var accepted = specialist.post("/console/referrals/" + id + "/accept", Map.of("resourceId", slot.group(1), "note", "周二上午"), detail);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        var after = specialist.get(accepted.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("已接收").contains("周二上午").contains("act-arrive");
        var arrived = specialist.post("/console/referrals/" + id + "/arrive", Map.of(), after);
        assertThat(arrived.status()).isEqualTo(302);
        var page = specialist.get("/console/referrals/" + id);
        assertThat(specialist.post("/console/referrals/" + id + "/complete", Map.of("summary", " "), page).status()).isEqualTo(400);
        assertThat(specialist.post("/console/referrals/" + id + "/complete", Map.of("summary", "门诊小结：调整用药"), page).status())
                .isEqualTo(302);
        assertThat(gp.get("/console/referrals/" + id).body()).contains("门诊小结：调整用药").contains("已完成");
    }

    /**
     * The specialist's workbench counts the referral waiting in the inbox and links to the filtered list; the
     * detail shows the GP's clinical summary and the slots grouped; once accepted both sides see the appointment
     * and the count moves from "to accept" to "to arrive".
     */
    @Test
    void theWorkbenchCountsWhatWaits_andTheDetailShowsSummaryGroupedSlotsAndTheBooking() {
        var w = world();
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var form = gp.get("/console/referrals/new");
        String id = referralIdFrom(gp.post("/console/referrals/new", upForm(w, "I10", null, "专科评估", "submit"), form).location());
        var specialist = ConsoleSession.login(port, w.g().leadUser());
        var workbench = specialist.get("/console/workspace");
        assertThat(workbench.status()).isEqualTo(200);
        assertThat(todo(workbench.body(), "待接收的上转申请")).isEqualTo(1);
        assertThat(workbench.body()).contains("href=\"/console/referrals?box=INBOX&amp;status=SUBMITTED\"");
        var filtered = specialist.get("/console/referrals?box=INBOX&status=SUBMITTED");
        assertThat(filtered.body()).contains("/console/referrals/rows?box=INBOX&amp;status=SUBMITTED");

        var detail = specialist.get("/console/referrals/" + id);
        assertThat(detail.body()).contains("id=\"clinical-summary\"").contains("170/100 mmHg").contains("<optgroup label=\"");
        var slot = Pattern.compile("<optgroup [^>]*>\\s*<option value=\"([0-9a-f-]{36})\"").matcher(detail.body());
        assertThat(slot.find()).isTrue();
        assertThat(specialist.post("/console/referrals/" + id + "/accept", Map.of("resourceId", slot.group(1)), detail).status())
                .isEqualTo(302);
        assertThat(specialist.get("/console/referrals/" + id).body()).contains("id=\"booking\"").contains("心内科");
        assertThat(gp.get("/console/referrals/" + id).body()).as("the GP tells the resident when to come").contains("id=\"booking\"");
        var after = specialist.get("/console/workspace").body();
        assertThat(todo(after, "待接收的上转申请")).isZero();
        assertThat(todo(after, "已接收、待到诊的患者")).isEqualTo(1);
    }

    /** The count in front of a to-do label on the workbench. */
    static long todo(String html, String label) {
        var m = Pattern.compile("todo-num\">(\\d+)</span> <span>" + Pattern.quote(label) + "<").matcher(html);
        assertThat(m.find()).as("to-do line " + label).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A family bed books nothing: the receiving GP names the responsible team and the planned start. */
    @Test
    void theReceivingGpAcceptsAFamilyBedWithTeamAndPlannedStart_badInputAtTheField() {
        var w = world();
        var r = Api.as(port, w.g().leadUser()).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"术后康复","diagnosisCode":"I63.9",
                 "diagnosisText":"脑梗死恢复期","urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"FAMILY_BED",
                 "carePlan":"每周上门两次","submit":true}"""
                .formatted(w.g().primary().value(), w.resident()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var detail = gp.get("/console/referrals/" + id);
        assertThat(detail.body()).contains("accept-form", "plannedStart").doesNotContain("name=\"resourceId\"");
        assertThat(detail.body()).as("both sides named").contains(
                registry.institutionEntry(w.g().lead()).orElseThrow().name(),
                registry.institutionEntry(w.g().primary()).orElseThrow().name());
        var team = Pattern.compile("name=\"teamId\">\\s*<option value=\"\"[^<]*</option>\\s*<option value=\"([0-9a-f-]{36})\"")
                .matcher(detail.body());
        assertThat(team.find()).as("the centre's family-doctor teams are offered").isTrue();
        var noTeam = gp.post("/console/referrals/" + id + "/accept", Map.of("teamId", "", "plannedStart",
                LocalDate.now().plusDays(1).toString()), detail);
        assertThat(noTeam.status()).isEqualTo(400);
        assertThat(noTeam.body()).contains("field-error");
        var past = gp.post("/console/referrals/" + id + "/accept", Map.of("teamId", team.group(1), "plannedStart",
                LocalDate.now().minusDays(3).toString()), detail);
        assertThat(past.status()).isEqualTo(400);
        assertThat(jdbc.sql("select status from referral_referral where id = ?").param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("SUBMITTED");
        String start = LocalDate.now().plusDays(2).toString();
        var accepted = gp.post("/console/referrals/" + id + "/accept", Map.of("teamId", team.group(1), "plannedStart", start), detail);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        var after = gp.get("/console/referrals/" + id);
        assertThat(after.body()).contains("已接收").contains("home-care").contains(start);
    }

    @Test
    void theGpMarksAFollowUpDone_onceOnly_andTheSenderMayNot() {
        var w = world();
        var r = Api.as(port, w.g().leadUser()).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"病情稳定","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"OUTPATIENT_FOLLOW_UP",
                 "followUpTasks":[{"description":"两周后复测血压","dueDate":"%s"}],"submit":true}"""
                .formatted(w.g().primary().value(), w.resident(), LocalDate.now().plusDays(14)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String task = r.json().get("carePlan").get("tasks").get(0).get("id").asString();
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var list = gp.get("/console/referrals/follow-ups");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("两周后复测血压").contains(task);
        String path = "/console/referrals/follow-ups/" + id + "/" + task + "/done";
        var specialist = ConsoleSession.login(port, w.g().leadUser());
        assertThat(specialist.get("/console/referrals/follow-ups").status()).isEqualTo(403);
        assertThat(specialist.post(path, Map.of("note", "x"), specialist.get("/console/referrals/" + id)).status()).isEqualTo(403);
        var done = gp.post(path, Map.of("note", "血压 130/80"), list);
        assertThat(done.status()).isEqualTo(302);
        assertThat(jdbc.sql("select done_note from referral_follow_up_task where id = ?").param(UUID.fromString(task))
                .query(String.class).single()).isEqualTo("血压 130/80");
        assertThat(gp.get("/console/referrals/follow-ups").body()).doesNotContain(task);
        assertThat(gp.post(path, Map.of("note", "again"), list).status()).isEqualTo(409);
    }

    @Test
    void theOfficeMaintainsCriteria_badInputAtTheField_othersGet403() {
        var w = world();
        String crit = criterion(w, "初始标准");
        var office = ConsoleSession.login(port, w.office());
        var page = office.get("/console/referrals/criteria");
        assertThat(page.body()).contains("初始标准");
        long before = jdbc.sql("select count(*) from referral_criterion where consortium_id = ?")
                .param(w.g().consortium().value()).query(Long.class).single();
        var blank = office.post("/console/referrals/criteria", Map.of("direction", "UP", "text", " ", "diagnosisPrefix", "I10"), page);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("field-error");
        var badPrefix = office.post("/console/referrals/criteria", Map.of("direction", "UP", "text", "x", "diagnosisPrefix", "10I"), page);
        assertThat(badPrefix.status()).isEqualTo(400);
        assertThat(badPrefix.body()).contains("10I");
        assertThat(jdbc.sql("select count(*) from referral_criterion where consortium_id = ?")
                .param(w.g().consortium().value()).query(Long.class).single()).isEqualTo(before);
        var edited = office.post("/console/referrals/criteria", Map.of("id", crit, "version", "0", "direction", "UP",
                "text", "修改后的标准", "diagnosisPrefix", "I1"), page);
        assertThat(edited.status()).as(edited.body()).isEqualTo(302);
        var retired = office.post("/console/referrals/criteria/" + crit + "/retire?consortium=" + w.g().consortium().value(),
                Map.of(), page);
        assertThat(retired.status()).isEqualTo(302);
        assertThat(jdbc.sql("select active from referral_criterion where id = ?").param(UUID.fromString(crit))
                .query(Boolean.class).single()).isFalse();
        assertThat(office.get("/console/referrals/criteria").body()).contains("修改后的标准");
        var gp = ConsoleSession.login(port, w.g().gpUser());
        assertThat(gp.get("/console/referrals/criteria").status()).isEqualTo(403);
        assertThat(gp.post("/console/referrals/criteria", Map.of("direction", "UP", "text", "x"), gp.get("/console/referrals/new"))
                .status()).isEqualTo(403);
    }

    /**
     * The outbox pages in SQL (20 a page) with the status filter kept in the pager links; the export holds every
     * row as the list shows it (names, words, no full ID number) and is audited per referral as an export.
     */
    @Test
    void theBoxPagesInSql_keepsItsFilterInThePager_andExportsEveryRowAudited() {
        var w = world();
        var gp = ConsoleSession.login(port, w.g().gpUser());
        var form = gp.get("/console/referrals/new");
        for (int i = 0; i < 21; i++) {
            assertThat(gp.post("/console/referrals/new", upForm(w, "I10", null, "专科评估", "submit"), form).status()).isEqualTo(302);
        }
        var page = gp.get("/console/referrals?box=OUTBOX&status=SUBMITTED&page=1");
        assertThat(page.body()).contains("hx-get=\"/console/referrals/rows?box=OUTBOX&amp;status=SUBMITTED&amp;page=1\"")
                .contains("id=\"referral-export\"");
        var first = gp.getHtmx("/console/referrals/rows?box=OUTBOX&status=SUBMITTED&page=0").body();
        assertThat(rowsIn(first)).isEqualTo(20);
        assertThat(first).contains("共 21 条").contains("href=\"/console/referrals?box=OUTBOX&amp;status=SUBMITTED&amp;page=1\"");
        var second = gp.getHtmx("/console/referrals/rows?box=OUTBOX&status=SUBMITTED&page=1").body();
        assertThat(rowsIn(second)).isEqualTo(1);
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(rowsIn(gp.getHtmx("/console/referrals/rows?box=OUTBOX&status=DRAFT").body())).isZero();
        assertThat(rowsIn(gp.getHtmx("/console/referrals/rows?box=OUTBOX&status=SUBMITTED&page=9").body()))
                .as("a page past the end shows the last one").isEqualTo(1);

        long exportsBefore = exportAudits(w);
        var csv = gp.get("/console/referrals/export.csv?box=OUTBOX&status=SUBMITTED");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.body().substring(1);
        assertThat(text.split("\r\n")).hasSize(22);
        String idNumber = jdbc.sql("select id_number from residents_resident where id = ?").param(w.resident())
                .query(String.class).single();
        assertThat(text).startsWith("\"转诊单号\",\"方向\",\"居民\"").contains("陈静").contains("上转").contains("已提交")
                .doesNotContain(idNumber).doesNotContain("SUBMITTED").doesNotContain(w.lead().toString());
        assertThat(exportAudits(w) - exportsBefore).isEqualTo(21);
        // a box the caller has no side in is refused, its export too
        var specialist = ConsoleSession.login(port, w.g().leadUser());
        assertThat(specialist.get("/console/referrals/export.csv?box=DESK").status()).isEqualTo(403);
    }

    long exportAudits(World w) {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and resident_ref = ?")
                .param(w.resident().toString()).query(Long.class).single();
    }

    static int rowsIn(String html) {
        var m = Pattern.compile("href=\"/console/referrals/[0-9a-f-]{36}\"").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The GP's slot search shows 50 free slots and continues after the last one, without repeating any. */
    @Test
    void theSlotSearchPagesByKeyset_withoutRepeatsOrGaps() {
        var w = world();
        var day = LocalDate.now().plusDays(3);
        systemScheduling.publishSchedules(List.of(new PublishSchedule(w.g().lead(), "内分泌科", "内分泌科", null,
                ScheduleKind.OUTPATIENT_SPECIALTY, day, day, LocalTime.of(8, 0), LocalTime.of(17, 0), 10, 1, "1/3",
                null)), "console-test");
        long free = jdbc.sql("""
                select count(*) from scheduling_slot s join scheduling_schedule c on c.id = s.schedule_id
                where c.institution_id = ? and c.department = '内分泌科' and s.status = 'FREE'""")
                .param(w.lead()).query(Long.class).single();
        assertThat(free).as("more than one page of slots").isGreaterThan(50);
        var gp = ConsoleSession.login(port, w.g().gpUser());
        String path = "/console/schedules/slots?institution=" + w.lead() + "&department=" + java.net.URLEncoder.encode("内分泌科",
                java.nio.charset.StandardCharsets.UTF_8) + "&date=" + day;
        var seen = new java.util.LinkedHashSet<String>();
        int pages = 0;
        while (path != null) {
            var page = gp.getHtmx(path);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            var ids = Pattern.compile("name=\"slotId\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
            while (ids.find()) {
                assertThat(seen.add(ids.group(1))).as("slot listed twice").isTrue();
            }
            if (pages > 0) {
                assertThat(page.body()).contains("id=\"slots-first\"");
            }
            var more = Pattern.compile("<button[^>]*id=\"slots-more\"[^>]*>").matcher(page.body());
            var next = more.find() ? Pattern.compile("hx-get=\"([^\"]+)\"").matcher(more.group()) : null;
            path = next != null && next.find() ? next.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(pages).as("%d slots listed of %d free", seen.size(), free).isGreaterThan(1);
        assertThat((long) seen.size()).isEqualTo(free);
        assertThat(gp.getHtmx("/console/schedules/slots?after=not-a-cursor").status()).isEqualTo(400);
    }
}
