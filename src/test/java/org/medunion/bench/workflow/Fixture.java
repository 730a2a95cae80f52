package org.medunion.bench.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
 * @param items     the items the recognition look-up asks for (mode=seed-results); null or empty: not seeded
 * @param withResults how many of the first {@code residents} have results of those items
 */
record Fixture(String primary, String hospital, String consortium, List<String> schedules, List<String> dates,
               List<Resident> residents, @Nullable List<String> items, int withResults) {

    Fixture(String primary, String hospital, String consortium, List<String> schedules, List<String> dates,
            List<Resident> residents) {
        this(primary, hospital, consortium, schedules, dates, residents, null, 0);
    }

    Fixture withResults(List<String> resultItems, int residentsWithResults) {
        return new Fixture(primary, hospital, consortium, schedules, dates, residents, resultItems, residentsWithResults);
    }

    /** With the hospital's fresh schedules (seed-slots), the rest as it was. */
    Fixture withSchedules(List<String> fresh) {
        return new Fixture(primary, hospital, consortium, fresh, dates, residents, items, withResults);
    }

    record Resident(String id, String idNumber, String name) {
    }

    void save(Path file) throws Exception {
        Files.writeString(file, Api.JSON.writeValueAsString(this));
    }

    static Fixture load(Path file) throws Exception {
        return Api.JSON.readValue(Files.readString(file), Fixture.class);
    }
}
