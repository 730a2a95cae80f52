package org.medunion.bench.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.medunion.support.Api;

/**
 * Tops the HAPI reference up to the volume MedUnion holds in the P-1 runs (issue 12: "with the same data volume
 * loaded into both"): 3,086 Organizations, 28,890 Practitioners, 305,000 Patients and 299 Schedules with their
 * Slots — the district registry, the resident index and the city-wide 内科 morning schedules. What the workload
 * touches ({@link HapiSeeder}) is part of the count; the rest is added in transaction Bundles of 500 on two threads.
 * Counts already present are not added again, so the step can be repeated.
 */
final class HapiVolume {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final int BUNDLE = 500;

    private final Api fhir;

    HapiVolume(int port) {
        this.fhir = Api.anonymous(port);
    }

    void load(int organizations, int practitioners, int patients, int schedules, int days) throws Exception {
        long t0 = System.nanoTime();
        int orgs = topUp("Organization", organizations, i -> """
                {"resourceType":"Organization","active":true,"name":"P-1 机构 %d"}""".formatted(i));
        int pract = topUp("Practitioner", practitioners, i -> """
                {"resourceType":"Practitioner","active":true,"name":[{"text":"医生%d"}]}""".formatted(i));
        int pats = topUp("Patient", patients, i -> """
                {"resourceType":"Patient","identifier":[{"use":"official","system":"%s","value":"%s"}],
                 "name":[{"text":"%s"}],"gender":"%s","birthDate":"%s"}""".formatted(FhirWorkload.ID_NUMBER,
                SyntheticResidents.idNumber(i), SyntheticResidents.name(i),
                "1".equals(SyntheticResidents.sex(i)) ? "male" : "female", SyntheticResidents.birthDate(i)));
        int slots = cityWideSlots(schedules, days);
        System.out.printf(Locale.ROOT, "HAPI volume: %d Organizations, %d Practitioners, %d Patients, +%d Slots in %.1f s%n",
                orgs, pract, pats, slots, (System.nanoTime() - t0) / 1e9);
    }

    /** Adds resources of the type until there are {@code target}; returns how many there are then. */
    private int topUp(String type, int target, IntFunction<String> resource) throws Exception {
        int have = count(type);
        int missing = Math.max(0, target - have);
        int bundles = (missing + BUNDLE - 1) / BUNDLE;
        Parallel.map(bundles, 2, b -> {
            var batch = new ArrayList<String>();
            for (int i = have + b * BUNDLE; i < Math.min(target, have + (b + 1) * BUNDLE); i++) {
                batch.add(resource.apply(i));
            }
            return post(type, batch);
        });
        // HAPI answers _summary=count from a cache for a while, so the count is what this step leaves, not a re-read
        return have + missing;
    }

    /** One 内科 morning schedule (08:00–12:00, 15 minutes, one per interval) at as many services as MedUnion has. */
    private int cityWideSlots(int schedules, int days) throws Exception {
        int have = count("Schedule");
        int missing = Math.max(0, schedules - have);
        LocalDate first = LocalDate.now().plusDays(1);
        List<Integer> added = Parallel.map(missing, 2, k -> {
            String service = create("""
                    {"resourceType":"HealthcareService","active":true,"name":"内科 %d"}""".formatted(k));
            String schedule = create("""
                    {"resourceType":"Schedule","active":true,"serviceType":[{"text":"内科"}],
                     "actor":[{"reference":"HealthcareService/%s"}]}""".formatted(service));
            var batch = new ArrayList<String>();
            for (int d = 0; d < days; d++) {
                for (LocalTime t = LocalTime.of(8, 0); t.isBefore(LocalTime.of(12, 0)); t = t.plusMinutes(15)) {
                    batch.add("""
                            {"resourceType":"Slot","schedule":{"reference":"Schedule/%s"},"status":"free","start":"%s","end":"%s"}"""
                            .formatted(schedule, OffsetDateTime.of(first.plusDays(d), t, SHANGHAI),
                                    OffsetDateTime.of(first.plusDays(d), t.plusMinutes(15), SHANGHAI)));
                }
            }
            return post("Slot", batch);
        });
        return added.stream().mapToInt(Integer::intValue).sum();
    }

    private int count(String type) {
        return MedUnionSeeder.ok(fhir.getFhir("/fhir/" + type + "?_summary=count")).get("total").asInt();
    }

    private String create(String resource) {
        var r = fhir.postFhir("/fhir/" + Api.JSON.readTree(resource).get("resourceType").asString(), resource);
        return MedUnionSeeder.ok(r).get("id").asString();
    }

    private int post(String type, List<String> resources) {
        if (resources.isEmpty()) {
            return 0;
        }
        var bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i))
                    .append(",\"request\":{\"method\":\"POST\",\"url\":\"").append(type).append("\"}}");
        }
        MedUnionSeeder.ok(fhir.postFhir("/fhir", bundle.append("]}").toString()));
        return resources.size();
    }
}
