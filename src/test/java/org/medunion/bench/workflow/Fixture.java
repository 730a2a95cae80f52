package org.medunion.bench.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medunion.support.Api;

/**
 * The IDs a load run needs, written by a seeder and read by the load modes, so the seed (minutes) and the
 * measured runs (against MedUnion REST, MedUnion FHIR, HAPI) are separate steps over the same data.
 *
 * @param primary   the GP's community health centre (requester of referrals, books for its contracted residents)
 * @param hospital  the receiving hospital (the specialist's), whose schedules accept referrals
 * @param consortium the consortium the REST slot search looks in
 * @param schedules the hospital's outpatient schedules (accept books from them; FHIR slot search reads them)
 * @param dates     the days the schedules cover (ISO dates)
 * @param residents residents contracted with {@code primary}
 */
record Fixture(String primary, String hospital, String consortium, List<String> schedules, List<String> dates,
               List<Resident> residents) {

    record Resident(String id, String idNumber, String name) {
    }

    void save(Path file) throws Exception {
        Files.writeString(file, Api.JSON.writeValueAsString(this));
    }

    static Fixture load(Path file) throws Exception {
        return Api.JSON.readValue(Files.readString(file), Fixture.class);
    }
}
