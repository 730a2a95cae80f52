package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.consultation.ConsultationFixture;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.Title;
import org.medunion.support.Api;
import org.medunion.support.H2Test;
import org.medunion.support.RunningCity;

/**
 * The console's session page of an MDT (decision 0255): the accept form offers the expert's free consultation slots and
 * names a further expert, the page shows the booked slot, lists the
 * experts and the held sessions, and warns (TM-6) on a session recorded without a physician of the inviting side.
 */
@H2Test
class ConsultationLiveSessionConsoleH2Test extends RunningCity {

    UUID physician(String name, UUID at) {
        return registry.registerPractitioner(new RegisterPractitioner(name + " " + System.nanoTime(), new InstitutionId(at),
                Profession.PHYSICIAN, Title.ATTENDING, LocalDate.now().minusYears(8), "心血管内科", false, false)).id().value();
    }

    @Test
    void theSessionPageListsTheExpertsAndWarnsWithoutAnInvitingPhysician() {
        var w = new ConsultationFixture(port, registry, residents, accounts);
        UUID second = physician("会诊乙", w.hospital);
        UUID local = physician("社区甲", w.primary);
        String id = Api.as(port, w.gp).post("/api/consultations", w.body("\"type\":\"MDT\"")).expect(201).json().get("id")
                .asString();
        String base = "/console/consultations/" + id;
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        String schedule = Api.as(port, w.specialist).post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"会诊中心","kind":"CONSULTATION","practitionerId":"%s",
                 "periodStart":"%s","periodEnd":"%s","dayStart":"14:00","dayEnd":"14:30","slotMinutes":30}"""
                .formatted(w.hospital, w.expert, day, day)).expect(201).json().get("id").asString();
        String slot = Api.as(port, w.specialist).get("/api/scheduling/slots?schedule=" + schedule).expect(200).json().get(0)
                .get("id").asString();
        var sp = ConsoleSession.login(port, w.specialist);
        var detail = sp.get(base);
        assertThat(detail.body()).contains("name=\"expertIds\"", "name=\"slotId\"", slot);
        var accepted = sp.post(base + "/accept", List.of(Map.entry("expertPractitionerId", w.expert.toString()),
                Map.entry("expertIds", second.toString()), Map.entry("slotId", slot), Map.entry("sessionAt", ""),
                Map.entry("note", "")), detail);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        assertThat(sp.get(base).body()).contains("id=\"panel-slot\"", day + " 14:00");
        assertThat(sp.post(base + "/start", Map.of(), sp.get(base)).status()).isEqualTo(302);

        var page = sp.get(base);
        assertThat(page.body()).contains("id=\"panel-experts\"", "会诊乙", "id=\"session-form\"");
        var recorded = sp.post(base + "/session", List.of(Map.entry("participantIds", w.expert.toString()),
                Map.entry("participantIds", second.toString()), Map.entry("note", "")), page);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        var gp = ConsoleSession.login(port, w.gp);
        var seen = gp.get(base);
        assertThat(seen.body()).contains("id=\"panel-held\"", "TM-6");

        assertThat(gp.post(base + "/session", List.of(Map.entry("participantIds", local.toString()),
                Map.entry("participantIds", w.expert.toString()), Map.entry("note", "")), seen).status()).isEqualTo(302);
        var both = gp.get(base).body();
        assertThat(both).contains("社区甲");
        assertThat(both.split("TM-6", -1)).as("one warning: the first session only").hasSize(2);
    }
}
