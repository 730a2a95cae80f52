package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up tasks of downward referrals over HTTP: the receiving institution's open list (scoped, earliest due
 * first, audited per row) and marking a task done once (who, when, note; 409 the second time; 403/404 for the
 * wrong side).
 */
abstract class FollowUpContract extends ReferralWorldTest {

    ReferralFixture world() {
        return new ReferralFixture(port, registry, residents, scheduling, accounts);
    }

    /** The lead hospital sends the resident down to the community centre with two follow-up tasks. */
    static JsonNode down(ReferralFixture w, boolean submit) {
        var r = w.as(w.specialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","residentIdNumber":"%s","residentName":"随访居民",
                 "consortiumId":"%s","reason":"病情稳定","diagnosisCode":"E11.9","diagnosisText":"2 型糖尿病",
                 "urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"OUTPATIENT_FOLLOW_UP",
                 "carePlan":"控制饮食，监测血糖",
                 "followUpTasks":[{"description":"足部检查","dueDate":"%s"},{"description":"空腹血糖复查","dueDate":"%s"}],
                 "submit":%s}"""
                .formatted(w.primary, w.resident, w.residentIdNumber, w.consortium, LocalDate.now().plusDays(30),
                        LocalDate.now().plusDays(14), submit));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static List<String> taskIds(JsonNode referral) {
        var out = new ArrayList<String>();
        referral.get("carePlan").get("tasks").forEach(t -> out.add(t.get("id").asString()));
        return out;
    }

    @Test
    void theReceivingGpMarksATaskDoneOnce_withWhoWhenAndNote() {
        var w = world();
        var referral = down(w, true);
        String id = referral.get("id").asString();
        String task = taskIds(referral).get(0);
        var done = w.as(w.gp).post("/api/referrals/" + id + "/follow-ups/" + task + "/done", "{\"note\":\"血糖 6.1 mmol/L\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("done").asBoolean()).isTrue();
        assertThat(done.json().get("doneBy").asString()).isEqualTo(w.gp);
        assertThat(done.json().get("doneNote").asString()).isEqualTo("血糖 6.1 mmol/L");
        assertThat(done.json().get("doneAt").isNull()).isFalse();
        var again = w.as(w.gp).post("/api/referrals/" + id + "/follow-ups/" + task + "/done", "{\"note\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("REFERRAL-0031");
        assertThat(jdbc.sql("select done_note from referral_follow_up_task where id = ?").param(java.util.UUID.fromString(task))
                .query(String.class).single()).isEqualTo("血糖 6.1 mmol/L");
        // the referral shows the task done
        var tasks = w.as(w.gp).get("/api/referrals/" + id).json().get("carePlan").get("tasks");
        boolean seenDone = false;
        for (var t : tasks) {
            if (t.get("id").asString().equals(task)) {
                seenDone = t.get("done").asBoolean();
            }
        }
        assertThat(seenDone).isTrue();
    }

    @Test
    void onlyTheReceivingSideMayMarkDone_othersGet403Or404_andNothingChanges() {
        var w = world();
        var referral = down(w, true);
        String id = referral.get("id").asString();
        String task = taskIds(referral).get(0);
        String path = "/api/referrals/" + id + "/follow-ups/" + task + "/done";
        var sender = w.as(w.specialist).post(path, "{}");
        assertThat(sender.status()).isEqualTo(403);
        assertThat(sender.json().get("code").asString()).isEqualTo("REFERRAL-0003");
        assertThat(w.as(w.otherSpecialist).post(path, "{}").status()).isEqualTo(404);
        assertThat(w.as(w.outsider).post(path, "{}").status()).isEqualTo(404);
        assertThat(w.as(w.gp).post("/api/referrals/" + id + "/follow-ups/" + java.util.UUID.randomUUID() + "/done", "{}")
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from referral_follow_up_task where referral_id = ? and done = true")
                .param(java.util.UUID.fromString(id)).query(Long.class).single()).isZero();
        // the consortium's referral desk may
        assertThat(w.as(w.office).post(path, "{\"note\":\"电话随访\"}").status()).isEqualTo(200);
    }

    @Test
    void aDraftGivesNoTasksYet_andIsNotTheReceiversToSee() {
        var w = world();
        var referral = down(w, false);
        var r = w.as(w.gp).post("/api/referrals/" + referral.get("id").asString() + "/follow-ups/"
                + taskIds(referral).get(0) + "/done", "{}");
        // a draft is the sender's alone (issue 10): the addressee does not see it at all
        assertThat(r.status()).isEqualTo(404);
        assertThat(w.as(w.gp).get("/api/referrals/follow-ups").body()).doesNotContain(referral.get("id").asString());
    }

    @Test
    void theOpenListIsScopedToTheReceivingInstitution_overdueFirst_andAuditedPerRow() {
        var w = world();
        var referral = down(w, true);
        String id = referral.get("id").asString();
        var tasks = taskIds(referral);
        // the later task became overdue (its due date passed)
        String late = tasks.get(1);
        jdbc.sql("update referral_follow_up_task set due_date = ? where id = ?")
                .params(LocalDate.now().minusDays(3), java.util.UUID.fromString(late)).update();
        long auditBefore = audit.count(new AuditTrail.AuditQuery(null, "ReferralFollowUp", null, w.resident.toString(), 1000));
        var list = w.as(w.gp).get("/api/referrals/follow-ups");
        assertThat(list.status()).isEqualTo(200);
        var mine = new ArrayList<JsonNode>();
        list.json().forEach(f -> {
            if (f.get("referralId").asString().equals(id)) {
                mine.add(f);
            }
        });
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("taskId").asString()).isEqualTo(late);
        assertThat(mine.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(mine.get(1).get("overdue").asBoolean()).isFalse();
        assertThat(mine.get(0).get("residentIdNumber").asString()).isEqualTo(w.residentIdNumber);
        long auditAfter = audit.count(new AuditTrail.AuditQuery(null, "ReferralFollowUp", null, w.resident.toString(), 1000));
        assertThat(auditAfter - auditBefore).as("one audit row per listed task").isEqualTo(2);
        // the office sees its consortium's, masked; the sender, another hospital and an outsider do not
        var office = w.as(w.office).get("/api/referrals/follow-ups");
        assertThat(office.body()).contains(id).doesNotContain(w.residentIdNumber);
        assertThat(w.as(w.specialist).get("/api/referrals/follow-ups").status()).isEqualTo(403);
        assertThat(w.as(w.outsider).get("/api/referrals/follow-ups").body()).doesNotContain(id);
        assertThat(w.as("planner").get("/api/referrals/follow-ups").status()).isEqualTo(403);
        // a done task leaves the open list; marking it is audited with the resident
        long doneBefore = audit.count(new AuditTrail.AuditQuery(w.gp, "ReferralFollowUp", late, null, 1000));
        assertThat(w.as(w.gp).post("/api/referrals/" + id + "/follow-ups/" + late + "/done", "").status()).isEqualTo(200);
        assertThat(audit.count(new AuditTrail.AuditQuery(w.gp, "ReferralFollowUp", late, null, 1000)) - doneBefore).isEqualTo(1);
        assertThat(w.as(w.gp).get("/api/referrals/follow-ups").body()).doesNotContain(late);
    }
}
