package org.medunion.registry;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.medunion.support.RegistrySeeds;

/** Intent-revealing test data for the registry: unique names and valid credit codes per call. */
final class RegistryFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private RegistryFixture() {
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(SEQ.incrementAndGet(), 36);
    }

    /** A valid unified social credit code (GB 32100) of a public institution (事业单位) in the division. */
    static String creditCode(String division) {
        return RegistrySeeds.creditCode(division);
    }

    /** The same code with a wrong check character. */
    static String withWrongCheck(String code) {
        char last = code.charAt(17);
        return code.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    static String institutionJson(String name, String creditCode, String category, String affiliation, String district,
                                  @Nullable String ownerBody) {
        return """
                {"name":"%s","creditCode":"%s","category":"%s","level":"TERTIARY","grade":"A","ownership":"PUBLIC",
                 "ownerBody":%s,"affiliation":"%s","tcm":false,"districtCode":"%s","regionalMedicalCentre":false,
                 "address":"test address","campuses":[],"keySpecialties":[{"discipline":"cardiology","level":"NATIONAL"}]}"""
                .formatted(name, creditCode, category, ownerBody == null ? "null" : "\"" + ownerBody + "\"", affiliation,
                        district);
    }
}
