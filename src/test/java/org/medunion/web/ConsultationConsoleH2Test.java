package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medunion.consultation.ConsultationFixture;
import org.medunion.support.H2Test;
import org.medunion.support.RunningCity;

/**
 * The consultation console over real HTTP (form login, CSRF): the GP's new-request form (a TM-2 refusal comes back
 * as the form with the rule's message and nothing written), the specialist's work list and the detail page's steps
 * by each side through to a closed consultation whose signed opinion both sides see, and the office's queue.
 */
@H2Test
class ConsultationConsoleH2Test extends RunningCity {

    static List<Map.Entry<String, String>> form(ConsultationFixture w, String signer) {
        return new ArrayList<>(List.of(Map.entry("residentId", w.resident.toString()), Map.entry("type", "REMOTE"),
                Map.entry("urgency", "URGENT"), Map.entry("toInstitutionId", w.hospital.toString()),
                Map.entry("expertPractitionerId", ""), Map.entry("toDepartment", "心内科"),
                Map.entry("invitedSpecialty", "心血管内科"), Map.entry("invitedTitle", "主任医师"),
                Map.entry("reason", "血压控制不佳"), Map.entry("purpose", "调整降压方案"),
                Map.entry("proposedTime", "2030-01-01T10:00"), Map.entry("recordSummary", "近两周血压 170/100"),
                Map.entry("consentSigner", signer), Map.entry("consentSignedOn", java.time.LocalDate.now().minusDays(1).toString()),
                Map.entry("conversionAuthorised", "on")));
    }

    long rows(ConsultationFixture w) {
        return jdbc.sql("select count(*) from consultation_consultation where resident_id = ?").param(w.resident)
                .query(Long.class).single();
    }

    @Test
    void gpRequestsSpecialistAnswersGpAcknowledgesAndBothSeeTheOpinion() {
        var w = new ConsultationFixture(port, registry, residents, accounts);
        var gp = ConsoleSession.login(port, w.gp);
        var page = gp.get("/console/consultations/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"consentSigner\"", "name=\"recordSummary\"", w.hospital.toString());
        assertThat(gp.getHtmx("/console/consultations/new/residents?q=%E8%B5%B5%E4%BC%9A%E8%AF%8A").body())
                .contains(w.resident.toString());

        var refused = gp.post("/console/consultations/new", form(w, ""), page);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("TM-2");
        assertThat(rows(w)).isZero();

        var created = gp.post("/console/consultations/new", form(w, "PATIENT"), page);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        var m = Pattern.compile("/console/consultations/([0-9a-f-]{36})").matcher(created.location());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        String base = "/console/consultations/" + id;

        var sp = ConsoleSession.login(port, w.specialist);
        assertThat(sp.get("/console/consultations?box=TO_ME").body()).contains(id);
        var detail = sp.get(base);
        assertThat(detail.body()).contains("id=\"accept-form\"", "近两周血压 170/100");
        assertThat(sp.post(base + "/accept", Map.of("expertPractitionerId", w.expert.toString(), "sessionAt",
                "2030-01-01T10:00", "note", ""), detail).status()).isEqualTo(302);
        assertThat(sp.post(base + "/start", Map.of(), sp.get(base)).status()).isEqualTo(302);
        assertThat(sp.post(base + "/messages", Map.of("body", "请问近期有无胸痛？"), sp.get(base)).status()).isEqualTo(302);
        assertThat(sp.post(base + "/opinion", Map.of("text", "建议加用缬沙坦，两周后复查"), sp.get(base)).status()).isEqualTo(302);
        assertThat(sp.post(base + "/sign", Map.of(), sp.get(base)).status()).isEqualTo(302);

        var early = gp.post(base + "/close", Map.of(), gp.get(base));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("TM-7");
        assertThat(gp.post(base + "/acknowledge", Map.of(), gp.get(base)).status()).isEqualTo(302);
        assertThat(gp.post(base + "/close", Map.of(), gp.get(base)).status()).isEqualTo(302);
        for (var side : List.of(gp, sp)) {
            var seen = side.get(base);
            assertThat(seen.body()).contains("建议加用缬沙坦，两周后复查", "id=\"opinion-signed\"", "请问近期有无胸痛？");
        }
        assertThat(jdbc.sql("select status from consultation_consultation where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("CLOSED");

        var office = ConsoleSession.login(port, w.office);
        assertThat(office.get("/console/consultations").status()).isEqualTo(200);
        var officeView = office.get(base);
        assertThat(officeView.status()).isEqualTo(200);
        assertThat(officeView.body()).doesNotContain("请问近期有无胸痛？");
        assertThat(ConsoleSession.login(port, w.outsider).get(base).status()).isEqualTo(404);
    }

    /** The GP's requests page in SQL, 20 a page, with a pager; a page past the end shows the last one. */
    @Test
    void theRequestsListPagesInSql() {
        var w = new ConsultationFixture(port, registry, residents, accounts);
        var api = org.medunion.support.Api.as(port, w.gp);
        for (int i = 0; i < 21; i++) {
            api.post("/api/consultations", w.body("")).expect(201);
        }
        var gp = ConsoleSession.login(port, w.gp);
        var first = gp.get("/console/consultations?box=MINE").body();
        assertThat(links(first)).isEqualTo(20);
        assertThat(first).contains("href=\"/console/consultations?box=MINE&amp;page=1\"");
        var second = gp.get("/console/consultations?box=MINE&page=1").body();
        assertThat(links(second)).isEqualTo(1);
        assertThat(second).contains("rel=\"prev\"");
        assertThat(links(gp.get("/console/consultations?box=MINE&page=7").body())).isEqualTo(1);
    }

    static int links(String html) {
        var m = Pattern.compile("href=\"/console/consultations/[0-9a-f-]{36}\"").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
