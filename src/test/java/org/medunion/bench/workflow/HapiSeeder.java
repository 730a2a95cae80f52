package org.medunion.bench.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medunion.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Loads the FHIR equivalent of {@link MedUnionSeeder}'s data into a plain FHIR server (the HAPI JPA reference):
 * the two Organizations, a HealthcareService per department, the same residents as Patients (same ID numbers and names), the hospital's three
 * Schedules and their free Slots on the same grid (08:00–17:00, 10 minutes, 2 per interval), in transaction
 * Bundles of 500 entries. Contracts and the rest of the district do not exist in plain FHIR; the hospital and
 * centre stand for them.
 */
final class HapiSeeder {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private final Api fhir;

    HapiSeeder(int port) {
        this.fhir = Api.anonymous(port);
    }

    Fixture seed(int residents, int days) {
        long t0 = System.nanoTime();
        String primary = create("{\"resourceType\":\"Organization\",\"name\":\"长宁区华阳路社区卫生服务中心\"}");
        String hospital = create("{\"resourceType\":\"Organization\",\"name\":\"上海市长宁区区域医疗中心\"}");
        var people = new ArrayList<Fixture.Resident>();
        var batch = new ArrayList<String>();
        for (int i = 0; i < residents; i++) {
            String name = SyntheticResidents.name(i);
            String surname = SyntheticResidents.surname(i);
            batch.add("""
                    {"resourceType":"Patient","identifier":[{"use":"official","system":"%s","value":"%s"}],
                     "name":[{"text":"%s","family":"%s","given":["%s"]}],"gender":"%s","birthDate":"%s",
                     "managingOrganization":{"reference":"Organization/%s"}}""".formatted(FhirWorkload.ID_NUMBER,
                    SyntheticResidents.idNumber(i), name, surname, name.substring(surname.length()),
                    "1".equals(SyntheticResidents.sex(i)) ? "male" : "female", SyntheticResidents.birthDate(i), primary));
            if (batch.size() == 500 || i == residents - 1) {
                List<String> ids = transaction("Patient", batch, people.size());
                for (int k = 0; k < ids.size(); k++) {
                    int n = people.size();
                    people.add(new Fixture.Resident(ids.get(k), SyntheticResidents.idNumber(n), SyntheticResidents.name(n)));
                }
                batch.clear();
            }
        }
        LocalDate first = LocalDate.now().plusDays(1);
        var dates = new ArrayList<String>();
        var schedules = new ArrayList<String>();
        int slots = 0;
        for (String dept : MedUnionSeeder.DEPARTMENTS) {
            // R4 allows no Organization as Schedule.actor (HAPI enforces it): the department is a HealthcareService
            String service = create("""
                    {"resourceType":"HealthcareService","active":true,"name":"%s","providedBy":{"reference":"Organization/%s"}}"""
                    .formatted(dept, hospital));
            String schedule = create("""
                    {"resourceType":"Schedule","active":true,"serviceType":[{"text":"%s"}],
                     "actor":[{"reference":"HealthcareService/%s"}]}""".formatted(dept, service));
            schedules.add(schedule);
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                if (schedules.size() == 1) {
                    dates.add(day.toString());
                }
                for (LocalTime t = LocalTime.of(8, 0); t.isBefore(LocalTime.of(17, 0)); t = t.plusMinutes(10)) {
                    for (int k = 0; k < 2; k++) {
                        batch.add("""
                                {"resourceType":"Slot","schedule":{"reference":"Schedule/%s"},"status":"free","start":"%s","end":"%s"}"""
                                .formatted(schedule, OffsetDateTime.of(day, t, SHANGHAI),
                                        OffsetDateTime.of(day, t.plusMinutes(10), SHANGHAI)));
                    }
                }
                if (batch.size() >= 500 || d == days - 1) {
                    slots += transaction("Slot", batch, -1).size();
                    batch.clear();
                }
            }
        }
        System.out.printf(Locale.ROOT, "HAPI: 2 organizations, %d patients, %d schedules, %d slots in %.1f s%n", people.size(),
                schedules.size(), slots, (System.nanoTime() - t0) / 1e9);
        return new Fixture(primary, hospital, null, schedules, dates, people);
    }

    private String create(String resource) {
        var r = fhir.postFhir("/fhir/" + Api.JSON.readTree(resource).get("resourceType").asString(), resource);
        return MedUnionSeeder.ok(r).get("id").asString();
    }

    /**
     * Posts the resources in one transaction Bundle and returns their ids in order. Patients (from resident
     * {@code firstResident} on) are created only if their ID number is new, so a second seeding run reuses them.
     */
    private List<String> transaction(String type, List<String> resources, int firstResident) {
        var bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i))
                    .append(",\"request\":{\"method\":\"POST\",\"url\":\"").append(type).append('"');
            if (firstResident >= 0) {
                bundle.append(",\"ifNoneExist\":\"identifier=").append(FhirWorkload.ID_NUMBER).append('|')
                        .append(SyntheticResidents.idNumber(firstResident + i)).append('"');
            }
            bundle.append("}}");
        }
        JsonNode answer = MedUnionSeeder.ok(fhir.postFhir("/fhir", bundle.append("]}").toString()));
        var ids = new ArrayList<String>();
        answer.get("entry").forEach(e -> ids.add(e.get("response").get("location").asString().split("/")[1]));
        return ids;
    }
}
