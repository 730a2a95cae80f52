package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.medunion.consultation.ConsultationFixture;
import org.medunion.referral.ReferralManagement;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.medunion.support.Api;
import org.medunion.support.RegistrySeeds;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14, decision 0260: the new-request form's result picker lists only the chosen resident's results the caller may
 * read (none for a resident the caller's institution does not care for) and a result the form did not offer is 400
 * naming the attachment, nothing written; the series form offers a zone's nursing home outside the consortium to the
 * clinicians whose consortium's hospital backs the zone (CN-3 patrols), with the rule on the page, never to the office.
 */
abstract class ConsultationPickerContract extends RunningCity {

    @Autowired
    ReferralManagement referrals;

    private String item() {
        String code = "PK-" + Long.toString(System.nanoTime(), 36);
        Api.as(port, "admin").put("/api/diagnostics/items", """
                {"code":"%s","name":"血常规五分类","kind":"LAB","unit":null,"referenceRange":null,"listPrice":"20.00"}"""
                .formatted(code)).expect(200);
        return code;
    }

    private String report(ConsultationFixture w, UUID resident, String item, String conclusion) {
        return Api.as(port, "admin").post("/api/diagnostics/results", """
                {"residentId":"%s","itemCode":"%s","performerInstitutionId":"%s","status":"FINAL","resultDate":"%s",
                 "conclusion":"%s","observations":[{"code":"%s","name":"白细胞","value":"6.1","unit":null}]}"""
                .formatted(resident, item, w.hospital, LocalDate.now().minusDays(2), conclusion, item))
                .expect(201).json().get("id").asString();
    }

    private long rows(UUID resident) {
        return jdbc.sql("select count(*) from consultation_consultation where resident_id = ?").param(resident)
                .query(Long.class).single();
    }

    /** A fresh world with a result of the gp's resident and one of a resident the gp's centre does not care for. */
    private record World(ConsultationFixture w, String mine, String hidden, ConsoleSession gp, ConsoleSession.Page page) {
    }

    private World world() {
        var w = new ConsultationFixture(port, registry, residents, accounts);
        String item = item();
        var gp = ConsoleSession.login(port, w.gp);
        return new World(w, report(w, w.resident, item, "结论甲"), report(w, w.foreignResident, item, "结论乙"), gp,
                gp.get("/console/consultations/new"));
    }

    @Test
    void thePickerListsOnlyTheResidentsResultsTheCallerMaySee() {
        var x = world();
        var w = x.w();
        String mine = x.mine();
        String hidden = x.hidden();
        var gp = x.gp();
        var page = x.page();
        assertThat(page.body()).contains("id=\"results-picker\"", "hx-get=\"/console/consultations/new/results\"");

        var picker = gp.get("/console/consultations/new/results?residentId=" + w.resident);
        assertThat(picker.status()).isEqualTo(200);
        assertThat(picker.body()).contains("value=\"" + mine + "\"", "血常规五分类").doesNotContain(hidden);
        var foreign = gp.get("/console/consultations/new/results?residentId=" + w.foreignResident);
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body()).doesNotContain(hidden).doesNotContain("name=\"reportId\"").contains("暂无您可查看");
        var unknown = gp.get("/console/consultations/new/results?residentId=" + UUID.randomUUID());
        assertThat(unknown.body()).as("an unknown resident answers as a foreign one").doesNotContain("name=\"reportId\"")
                .contains("暂无您可查看");
        assertThat(ConsoleSession.login(port, w.office).get("/console/consultations/new/results?residentId=" + w.resident)
                .status()).as("the office requests no consultation").isEqualTo(403);
        // what the page shows: names and dates, no identifier
        String shown = picker.body().replaceAll("<[^>]*>", " ");
        assertThat(shown).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aPickedResultIsAttachedAndOneTheFormDidNotOfferIs400NamingTheFieldWritingNothing() {
        var x = world();
        var w = x.w();
        String mine = x.mine();
        var gp = x.gp();
        var page = x.page();

        for (String foreign : List.of(x.hidden(), UUID.randomUUID().toString())) {
            var form = ConsultationConsoleH2Test.form(w, "PATIENT");
            form.add(Map.entry("reportId", mine));
            form.add(Map.entry("reportId", foreign));
            var refused = gp.post("/console/consultations/new", form, page);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("没有可读取的该检查检验结果", "class=\"field-error\"")
                    .contains("value=\"" + mine + "\"");
            assertThat(rows(w.resident)).isZero();
        }
        var malformed = ConsultationConsoleH2Test.form(w, "PATIENT");
        malformed.add(Map.entry("reportId", "not-a-report"));
        assertThat(gp.post("/console/consultations/new", malformed, page).status()).isEqualTo(400);
        assertThat(rows(w.resident)).isZero();

        var form = ConsultationConsoleH2Test.form(w, "PATIENT");
        form.add(Map.entry("reportId", mine));
        var created = gp.post("/console/consultations/new", form, page);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from consultation_attachment a join consultation_consultation c"
                + " on c.id = a.consultation_id where c.resident_id = ? and a.report_id = ?")
                .params(w.resident, UUID.fromString(mine)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSeriesFormOffersTheZonesNursingHomeOutsideTheConsortiumToItsClinicians() {
        var w = new ConsultationFixture(port, registry, residents, accounts);
        String district = "31" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String name = "片区颐养院 " + Long.toString(System.nanoTime(), 36);
        UUID home = registry.registerInstitution(new RegisterInstitution(name, RegistrySeeds.creditCode("310105"),
                InstitutionCategory.NURSING_HOME, HospitalLevel.UNRATED, HospitalGrade.UNGRADED, Ownership.PRIVATE, "民办非企业",
                Affiliation.DISTRICT, false, "310105", null, null, false, "天山路", List.of(), List.of())).id().value();
        var gp = ConsoleSession.login(port, w.gp);
        assertThat(gp.get("/console/consultations/series/new").body()).as("no zone yet").doesNotContain(name);

        referrals.assignToZone(home, referrals.defineZone(district, "中片区", w.hospital));
        var form = gp.get("/console/consultations/series/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + home + "\"", name + " · 中片区 · 对口医院", "id=\"series-sites-rule\"",
                "即使其不是医联体成员");
        var office = ConsoleSession.login(port, w.office);
        var officeForm = office.get("/console/consultations/series/new");
        assertThat(officeForm.body()).doesNotContain(name).contains("id=\"series-sites-rule\"");

        var patrol = Map.of("kind", "NURSING_HOME_PATROL", "title", "养老机构巡诊", "hostInstitutionId", home.toString(),
                "visitingInstitutionId", w.primary.toString(), "department", "全科", "recurrence", "FORTNIGHTLY",
                "weekday", "5", "startTime", "14:00", "durationMinutes", "90");
        var fields = new java.util.HashMap<>(patrol);
        fields.put("firstDay", LocalDate.now().plusDays(1).toString());
        fields.put("lastDay", LocalDate.now().plusMonths(1).toString());
        var created = gp.post("/console/consultations/series/new", fields, form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from consultation_series where host_institution_id = ? and kind = ?")
                .params(home, "NURSING_HOME_PATROL").query(Long.class).single()).isEqualTo(1);
        assertThat(office.post("/console/consultations/series/new", fields, officeForm).status())
                .as("the office plans its members' series only (decision 0253)").isEqualTo(403);
    }
}
