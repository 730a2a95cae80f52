package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.shared.InstitutionDays;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Series of sessions over HTTP (decision 0246): generation with an inclusive last day, the TM-1 gate for joint clinics,
 * who records (the two sides; the office sees but does not record; an outsider learns nothing), residents the host
 * cares for only, and I-19 counting a held session with its patients once.
 */
abstract class ConsultationSeriesContract extends ConsultationWorldTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ConsultationMeasures measures;

    String seriesBody(ConsultationFixture w, UUID visiting, String recurrence, LocalDate first, LocalDate last) {
        return """
                {"kind":"JOINT_CLINIC","title":"心内科联合门诊","hostInstitutionId":"%s","visitingInstitutionId":"%s",
                 "department":"心内科","expertPractitionerIds":["%s"],"recurrence":"%s","weekday":%d,"startTime":"09:00",
                 "durationMinutes":180,"firstDay":"%s","lastDay":"%s"}"""
                .formatted(w.primary, visiting, w.expert, recurrence, first.getDayOfWeek().getValue(), first, last);
    }

    @Test
    void aWeeklySeriesGeneratesItsSessionsUpToAndIncludingTheLastDay() {
        var w = freshWorld();
        LocalDate monday = LocalDate.now(SHANGHAI).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        var created = w.as(w.gp).post("/api/consultation-series", seriesBody(w, w.hospital, "WEEKLY", monday, monday.plusWeeks(3)))
                .expect(201).json();
        assertThat(created.get("sessions").asInt()).isEqualTo(4);
        assertThat(created.get("agreementId").asString()).isEqualTo(w.agreement.toString());
        var oneDayShort = w.as(w.gp).post("/api/consultation-series",
                seriesBody(w, w.hospital, "WEEKLY", monday, monday.plusWeeks(3).minusDays(1))).expect(201).json();
        assertThat(oneDayShort.get("sessions").asInt()).isEqualTo(3);
        var fortnightly = w.as(w.specialist).post("/api/consultation-series",
                seriesBody(w, w.hospital, "FORTNIGHTLY", monday, monday.plusWeeks(3))).expect(201).json();
        assertThat(fortnightly.get("sessions").asInt()).isEqualTo(2);
        var sessions = w.as(w.gp).get("/api/consultation-sessions?from=" + monday + "&to=" + monday.plusWeeks(3)).expect(200).json();
        long ofFirst = stream(sessions).filter(s -> s.get("seriesId").asString().equals(created.get("id").asString())).count();
        assertThat(ofFirst).isEqualTo(4);
        assertThat(stream(sessions).findFirst().orElseThrow().get("startsAt").asString())
                .isEqualTo(monday.atTime(9, 0).atZone(SHANGHAI).toInstant().toString());
    }

    @Test
    void badSeriesAreRefusedNamingTheFieldAndWriteNothing() {
        var w = freshWorld();
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
        long before = jdbc.sql("select count(*) from consultation_series where host_institution_id = ?").param(w.primary)
                .query(Long.class).single();
        ConsultationContract.refused(w.as(w.gp).post("/api/consultation-series",
                seriesBody(w, w.hospital, "WEEKLY", day, day.minusDays(1))), 400, "CONSULTATION-0040");
        var missing = w.as(w.gp).post("/api/consultation-series", seriesBody(w, w.hospital, "WEEKLY", day, day)
                .replace("\"kind\":\"JOINT_CLINIC\",", ""));
        ConsultationContract.refused(missing, 400, "kind");
        ConsultationContract.refused(w.as(w.gp).post("/api/consultation-series",
                seriesBody(w, w.hospital, "WEEKLY", day, day.plusYears(3))), 400, "CONSULTATION-0041");
        // no telemedicine agreement between the centre and the district hospital (TM-1)
        ConsultationContract.refused(w.as(w.gp).post("/api/consultation-series",
                seriesBody(w, w.otherHospital, "WEEKLY", day, day.plusWeeks(1)).replace(w.expert.toString(), w.primary.toString())
                        .replace("\"expertPractitionerIds\":[\"" + w.primary + "\"],", "")),
                422, "TM-1");
        // a patrol is a community centre visiting a nursing home, not a clinic at the centre
        ConsultationContract.refused(w.as(w.gp).post("/api/consultation-series",
                seriesBody(w, w.hospital, "WEEKLY", day, day).replace("JOINT_CLINIC", "NURSING_HOME_PATROL")), 400, "CONSULTATION-0046");
        // an outsider is no side of the series
        ConsultationContract.refused(w.as(w.outsider).post("/api/consultation-series",
                seriesBody(w, w.hospital, "WEEKLY", day, day)), 403, "CONSULTATION-0049");
        assertThat(jdbc.sql("select count(*) from consultation_series where host_institution_id = ?").param(w.primary)
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theTwoSidesRecordAttendanceAndResidentsTheHostCaresFor() {
        var w = freshWorld();
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate past = today.minusDays(7);
        var series = w.as(w.gp).post("/api/consultation-series", seriesBody(w, w.hospital, "WEEKLY", past, today.plusDays(14)))
                .expect(201).json();
        var sessions = w.as(w.gp).get("/api/consultation-sessions?from=" + past + "&to=" + today.plusDays(14)).expect(200).json();
        var mine = stream(sessions).filter(s -> s.get("seriesId").asString().equals(series.get("id").asString())).toList();
        String held = mine.get(0).get("id").asString();
        String future = mine.get(mine.size() - 1).get("id").asString();
        String path = "/api/consultation-sessions/" + held;
        var window = List.of(new InstitutionDays(w.primary, past, past.plusDays(1)));
        var before = measures.sessions(window);

        ConsultationContract.refused(w.as(w.gp).post(path + "/record", record(w.expert, w.foreignResident)), 400, "residentIds[0]");
        ConsultationContract.refused(w.as(w.gp).post(path + "/record", record(w.expert, w.foreignResident)), 400, "CONSULTATION-0044");
        ConsultationContract.refused(w.as(w.outsider).post(path + "/record", record(w.expert, w.resident)), 404, "");
        ConsultationContract.refused(w.as(w.outsider).get(path), 404, "");
        ConsultationContract.refused(w.as(w.office).post(path + "/record", record(w.expert, w.resident)), 403, "CONSULTATION-0049");
        ConsultationContract.refused(w.as(w.gp).post("/api/consultation-sessions/" + future + "/record",
                record(w.expert, w.resident)), 409, "CONSULTATION-0047");
        assertThat(measures.sessions(window).sessions()).isEqualTo(before.sessions());

        var recorded = w.as(w.specialist).post(path + "/record", record(w.expert, w.resident)).expect(200).json();
        assertThat(recorded.get("status").asString()).isEqualTo("HELD");
        assertThat(recorded.get("patients").get(0).get("id").asString()).isEqualTo(w.resident.toString());
        // the name as the caller may read it: the host's GP cares for the resident, the lead hospital does not
        assertThat(w.as(w.gp).get(path).expect(200).json().get("patients").get(0).get("name").asString()).isEqualTo("赵会诊");
        // recording the resident at the lead's session opens nothing to the lead: no name there, no resident record
        assertThat(w.as(w.specialist).get(path).expect(200).json().get("patients").get(0).get("name").isNull()).isTrue();
        assertThat(w.as(w.specialist).get("/api/residents/" + w.resident).status()).isEqualTo(404);
        assertThat(recorded.get("attendees").get(0).get("id").asString()).isEqualTo(w.expert.toString());
        var seenByOffice = w.as(w.office).get(path).expect(200).json();
        assertThat(seenByOffice.get("patientCount").asInt()).isEqualTo(1);
        assertThat(seenByOffice.get("patients").size()).isZero();
        assertThat(seenByOffice.get("mayRecord").asBoolean()).isFalse();

        var after = measures.sessions(window);
        assertThat(after.sessions()).isEqualTo(before.sessions() + 1);
        assertThat(after.patients()).isEqualTo(before.patients() + 1);
        // recording again adds nothing already there (TM-9: never deleted): still one session, one patient
        w.as(w.gp).post(path + "/record", record(w.expert, w.resident)).expect(200);
        assertThat(measures.sessions(window).patients()).isEqualTo(before.patients() + 1);

        var cancelled = w.as(w.gp).post("/api/consultation-sessions/" + future + "/cancel", "{\"text\":\"专家外出\"}").expect(200).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        ConsultationContract.refused(w.as(w.gp).post("/api/consultation-sessions/" + future + "/cancel", "{\"text\":\"再次\"}"),
                409, "CONSULTATION-0042");
    }

    @Test
    void aConsultationAtAHeldSessionCountsOnceForI19() {
        var w = freshWorld();
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(2);
        var series = w.as(w.gp).post("/api/consultation-series", seriesBody(w, w.hospital, "WEEKLY", day, day)).expect(201).json();
        var session = w.as(w.gp).get("/api/consultation-sessions?from=" + day + "&to=" + day).expect(200).json();
        var held = stream(session).filter(s -> s.get("seriesId").asString().equals(series.get("id").asString())).findFirst()
                .orElseThrow();
        String at = held.get("startsAt").asString();
        var window = List.of(new InstitutionDays(w.primary, day, day.plusDays(1)));
        var before = measures.sessions(window);
        // a joint-clinic consultation accepted for the session's time and started: counted as a session on its own
        String id = w.id(w.request("\"type\":\"JOINT_CLINIC\""));
        w.as(w.specialist).post("/api/consultations/" + id + "/accept",
                "{\"sessionAt\":\"" + at + "\",\"expertPractitionerId\":\"" + w.expert + "\"}").expect(200);
        w.as(w.specialist).post("/api/consultations/" + id + "/start", "").expect(200);
        assertThat(measures.sessions(window).sessions()).isEqualTo(before.sessions() + 1);
        // once the series session is recorded as held, the two are one session with the series' patients
        w.as(w.gp).post("/api/consultation-sessions/" + held.get("id").asString() + "/record", record(w.expert, w.resident))
                .expect(200);
        var after = measures.sessions(window);
        assertThat(after.sessions()).isEqualTo(before.sessions() + 1);
        assertThat(after.patients()).isEqualTo(before.patients() + 1);
    }

    static String record(UUID attendee, UUID resident) {
        return "{\"attendeeIds\":[\"" + attendee + "\"],\"residentIds\":[\"" + resident + "\"],\"note\":\"按期开展\"}";
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        var out = new java.util.ArrayList<JsonNode>();
        array.forEach(out::add);
        return out.stream();
    }
}
