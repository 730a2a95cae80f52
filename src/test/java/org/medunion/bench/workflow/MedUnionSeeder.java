package org.medunion.bench.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medunion.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the workflow data of P-1 into a running MedUnion through its public REST API, as the demo
 * {@code admin} (the district city itself comes from the {@code generate} profile): residents registered at the
 * GP's community health centre, one family-doctor team there, "1+1+1" contracts with the specialist's hospital
 * and 上海市第十一人民医院, outpatient schedules at that hospital, and (optionally) one 内科 schedule at every
 * general hospital of the city so the consortium slot search runs over district-scale slot tables.
 */
final class MedUnionSeeder {

    static final String MUNICIPAL = "上海市第十一人民医院";
    static final List<String> DEPARTMENTS = List.of("心内科", "内分泌科", "呼吸内科");

    private final Api admin;
    private final int port;

    MedUnionSeeder(int port) {
        this.port = port;
        this.admin = Api.as(port, "admin");
    }

    Fixture seed(int residents, int contracts, int days, boolean cityWideSchedules) throws Exception {
        String primary = scopeOf("gp");
        String hospital = scopeOf("specialist");
        String consortium = scopeOf("office");
        String municipal = RestWorkload.id(ok(admin.get("/api/registry/institutions?text=" + Mix.q(MUNICIPAL))).get(0).get("id"));
        String team = team(primary, hospital);
        agreement(consortium, primary, hospital);

        long t0 = System.nanoTime();
        List<Fixture.Resident> registered = Parallel.map(residents, 6, i -> register(i, primary));
        log("registered %d residents in %.1f s", residents, since(t0));
        t0 = System.nanoTime();
        List<Integer> signed = Parallel.map(Math.min(contracts, residents), 6, i -> admin.send("POST", "/api/residents/contracts",
                "{\"residentId\":\"%s\",\"teamId\":\"%s\",\"districtHospitalId\":\"%s\",\"municipalHospitalId\":\"%s\"}"
                        .formatted(registered.get(i).id(), team, hospital, municipal),
                Map.of("Content-Type", "application/json")).status());
        log("contracts: %d signed (201), %d already active (409) in %.1f s", signed.stream().filter(s -> s == 201).count(),
                signed.stream().filter(s -> s == 409).count(), since(t0));

        LocalDate first = LocalDate.now().plusDays(1);
        LocalDate last = first.plusDays(days - 1);
        t0 = System.nanoTime();
        var schedules = new ArrayList<String>();
        for (String dept : DEPARTMENTS) {
            schedules.add(publish(hospital, dept, dept.equals("心内科") ? "OUTPATIENT_EXPERT" : "OUTPATIENT_SPECIALTY",
                    first, last, "08:00", "17:00", 10, 2));
        }
        int more = cityWideSchedules ? cityWide(hospital, first, last) : 0;
        log("published %d schedules at the hospital and %d city-wide in %.1f s", schedules.size(), more, since(t0));

        var dates = new ArrayList<String>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            dates.add(d.toString());
        }
        return new Fixture(primary, hospital, consortium, schedules, dates,
                registered.subList(0, Math.min(contracts, residents)));
    }

    /**
     * Fresh schedules for the hospital's departments over the fixture's days (a run books up to a few thousand
     * slots; once a department is full, acceptances answer 409), replacing the fixture's schedules.
     */
    Fixture moreSlots(Fixture f, int perInterval) {
        LocalDate first = LocalDate.parse(f.dates().get(0));
        LocalDate last = LocalDate.parse(f.dates().get(f.dates().size() - 1));
        var schedules = new ArrayList<String>();
        for (String dept : DEPARTMENTS) {
            schedules.add(publish(f.hospital(), dept, dept.equals("心内科") ? "OUTPATIENT_EXPERT" : "OUTPATIENT_SPECIALTY",
                    first, last, "08:00", "17:00", 10, perInterval));
        }
        log("published %d fresh schedules at the hospital, %d per interval", schedules.size(), perInterval);
        return f.withSchedules(schedules);
    }

    /** The telemedicine cooperation agreement a consultation request needs (TM-1), unless the two have one. */
    void agreement(String consortium, String primary, String hospital) {
        for (JsonNode a : ok(admin.get("/api/registry/consortia/" + consortium + "/agreements"))) {
            String parties = a.path("parties").toString();
            if (parties.contains(primary) && parties.contains(hospital)) {
                return;
            }
        }
        LocalDate today = LocalDate.now();
        ok(admin.post("/api/registry/consortia/" + consortium + "/agreements", """
                {"type":"COOPERATION","title":"P-1 远程医疗合作协议","parties":["%s","%s"],"termStart":"%s","termEnd":"%s",
                 "signedOn":"%s","responsibilities":"牵头医院提供远程会诊","rights":"社区享有会诊服务",
                 "benefits":"共享会诊意见","benefitSharing":"按工作量分配"}""".formatted(hospital, primary,
                today.minusYears(1), today.plusYears(2), today.minusYears(1))));
        log("recorded a cooperation agreement between the centre and the hospital (TM-1)");
    }

    private String scopeOf(String user) {
        return ok(Api.as(port, user).get("/api/auth/whoami")).get("scope").get("reference").asString();
    }

    private String team(String primary, String hospital) {
        JsonNode existing = ok(admin.get("/api/residents/teams?institution=" + primary));
        if (!existing.isEmpty()) {
            return RestWorkload.id(existing.get(0).get("id"));
        }
        JsonNode centre = ok(admin.get("/api/registry/practitioners?institution=" + primary));
        String gp = null;
        String nurse = null;
        for (JsonNode p : centre) {
            if (gp == null && p.get("generalPractitioner").asBoolean()) {
                gp = RestWorkload.id(p.get("id"));
            }
            if (nurse == null && "NURSE".equals(p.get("profession").asString())) {
                nurse = RestWorkload.id(p.get("id"));
            }
        }
        String physician = null;
        for (JsonNode p : ok(admin.get("/api/registry/practitioners?institution=" + hospital))) {
            if ("PHYSICIAN".equals(p.get("profession").asString())) {
                physician = RestWorkload.id(p.get("id"));
                break;
            }
        }
        var r = admin.post("/api/residents/teams",
                "{\"institutionId\":\"%s\",\"name\":\"P-1 家庭医生团队\",\"gpPractitionerId\":\"%s\",\"nursePractitionerId\":%s,\"specialistPractitionerIds\":[\"%s\"]}"
                        .formatted(primary, gp, nurse == null ? "null" : "\"" + nurse + "\"", physician));
        return RestWorkload.id(ok(r).get("id"));
    }

    private Fixture.Resident register(int i, String primary) {
        String idNumber = SyntheticResidents.idNumber(i);
        String body = """
                {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","phone":"139%08d","districtCode":"310105",
                 "sourceInstitutionId":"%s","localRecordNumber":"P1-%d"}""".formatted(idNumber, SyntheticResidents.name(i),
                SyntheticResidents.sex(i), SyntheticResidents.birthDate(i), i, primary, i);
        JsonNode r = ok(admin.post("/api/residents", body));
        return new Fixture.Resident(RestWorkload.id(r.get("resident").get("id")), idNumber, SyntheticResidents.name(i));
    }

    private String publish(String institution, String dept, String kind, LocalDate from, LocalDate to, String dayStart,
                           String dayEnd, int minutes, int perInterval) {
        var r = admin.post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"%s","kind":"%s","periodStart":"%s","periodEnd":"%s","dayStart":"%s",
                 "dayEnd":"%s","slotMinutes":%d,"perInterval":%d}""".formatted(institution, dept, kind, from, to, dayStart,
                dayEnd, minutes, perInterval));
        return RestWorkload.id(ok(r).get("id"));
    }

    /** One 内科 morning schedule at every other general hospital: the slot tables at district volume. */
    private int cityWide(String hospital, LocalDate from, LocalDate to) throws Exception {
        var hospitals = new ArrayList<String>();
        for (int offset = 0;; offset += 100) {
            JsonNode page = ok(admin.get("/api/registry/institutions?category=GENERAL_HOSPITAL&limit=100&offset=" + offset));
            page.forEach(h -> hospitals.add(RestWorkload.id(h.get("id"))));
            if (page.size() < 100) {
                break;
            }
        }
        hospitals.remove(hospital);
        Parallel.map(hospitals.size(), 4, i -> publish(hospitals.get(i), "内科", "OUTPATIENT_SPECIALTY", from, to, "08:00", "12:00", 15, 1));
        return hospitals.size();
    }

    static JsonNode ok(Api.Response r) {
        if (r.status() >= 300) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        return r.json();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
