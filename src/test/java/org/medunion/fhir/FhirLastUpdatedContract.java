package org.medunion.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.fhir.FhirContract.enc;
import static org.medunion.fhir.FhirContract.link;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.residents.ResidentsFixture;
import org.medunion.residents.ResidentsFixture.Site;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RegistrySeeds;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: {@code meta.lastUpdated}/{@code meta.versionId} on the resources and {@code _lastUpdated} as a real
 * filter, generated: for every resource type below, every R4 prefix (eq, gt, ge, lt, le) and every value form
 * (date, dateTime with offset, in UTC, without zone = Asia/Shanghai) taken from the data's own change times, the
 * ids found must be exactly those a reference reading of the R4 rules expects. The change times are set to
 * instants on both sides of a Shanghai midnight, so a search read in the JVM's zone or at the wrong precision
 * fails. Plus {@code If-None-Match} and vread of the current version, and {@code CareTeam?participant=} alone.
 */
abstract class FhirLastUpdatedContract extends RunningCity {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> PREFIXES = List.of("eq", "gt", "ge", "lt", "le");

    /** Change times around the Shanghai midnight that starts 2026-11-11 (= 2026-11-10T16:00Z). */
    static final List<Instant> TIMES = List.of(
            LocalDateTime.of(2026, 11, 10, 23, 59, 59, 600_000_000).atZone(SHANGHAI).toInstant(),
            LocalDateTime.of(2026, 11, 11, 0, 0, 0).atZone(SHANGHAI).toInstant(),
            LocalDateTime.of(2026, 11, 11, 12, 30, 15, 250_000_000).atZone(SHANGHAI).toInstant(),
            LocalDateTime.of(2026, 11, 14, 8, 0, 0).atZone(SHANGHAI).toInstant());

    Site site;
    Api gp;
    String prefix;
    List<String> residentIds;
    String teamId;
    List<String> contractIds;

    @BeforeEach
    void data() {
        site = ResidentsFixture.site(registry, accounts);
        gp = Api.as(port, site.gpUser());
        prefix = "更新" + System.nanoTime() + "号";
        residentIds = new ArrayList<>();
        for (int i = 0; i < TIMES.size(); i++) {
            var r = gp.post("/api/residents", "{\"idNumber\":\"" + ResidentsFixture.idNumber(ResidentsFixture.birth(), i % 2 == 0)
                    + "\",\"name\":\"" + prefix + "甲乙丙丁".charAt(i) + "\"}");
            assertThat(r.status()).as(r.body()).isBetween(200, 201);
            residentIds.add(r.json().get("resident").get("id").get("value").asString());
        }
        var team = gp.post("/api/residents/teams", """
                {"institutionId":"%s","name":"%s","gpPractitionerId":"%s","nursePractitionerId":"%s",
                 "specialistPractitionerIds":["%s"]}""".formatted(site.primary(), RegistrySeeds.unique("团队"), site.gp(),
                site.nurse(), site.specialist()));
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        teamId = team.json().get("id").get("value").asString();
        contractIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var signed = gp.post("/api/residents/contracts", """
                    {"residentId":"%s","teamId":"%s","districtHospitalId":"%s","municipalHospitalId":"%s"}"""
                    .formatted(residentIds.get(i), teamId, site.district(), site.municipal()));
            assertThat(signed.status()).as(signed.body()).isEqualTo(201);
            contractIds.add(signed.json().get("id").get("value").asString());
        }
        for (int i = 0; i < residentIds.size(); i++) {
            setUpdated("residents_resident", residentIds.get(i), TIMES.get(i));
        }
        setUpdated("residents_team", teamId, TIMES.get(3));
        for (int i = 0; i < contractIds.size(); i++) {
            setUpdated("residents_contract", contractIds.get(i), TIMES.get(i));
        }
    }

    void setUpdated(String table, String id, Instant at) {
        assertThat(jdbc.sql("update " + table + " set updated_at = ? where id = ?").params(Timestamp.from(at), UUID.fromString(id))
                .update()).isOne();
    }

    /** One resource type: a search that finds exactly the test's resources, and what it should find. */
    record Case(String type, String base, Set<String> ids) {
    }

    List<Case> cases() {
        var careTeams = new TreeSet<>(contractIds);
        careTeams.add(teamId);
        return List.of(
                new Case("Patient", "name=" + enc(prefix), new TreeSet<>(residentIds)),
                new Case("CareTeam", "participant=Practitioner/" + site.gp(), careTeams),
                new Case("CareTeam", "patient=Patient/" + residentIds.get(1), Set.of(contractIds.get(1))));
    }

    @Test
    void lastUpdatedIsARealFilterForEveryTypePrefixAndPrecision() {
        int checks = 0;
        for (Case c : cases()) {
            Map<String, Instant> data = found(c.type(), c.base());
            assertThat(data.keySet()).as(c.type() + "?" + c.base()).containsExactlyInAnyOrderElementsOf(c.ids());
            assertThat(data.values()).as("a change on the Shanghai day of the range check").anyMatch(at -> at.atZone(SHANGHAI)
                    .toLocalDate().equals(LocalDate.of(2026, 11, 11)));
            checks += everyPrefixAndRange(c.type(), c.base(), data, this::found);
        }
        assertThat(checks).isGreaterThan(150);
    }

    /**
     * For every R4 prefix and every value form of {@code data}'s own change times, and for a one-day range, the ids
     * {@code found} answers must be exactly those the reference reading admits; returns how many queries were checked.
     */
    static int everyPrefixAndRange(String type, String base, Map<String, Instant> data,
                                   BiFunction<String, String, Map<String, Instant>> found) {
        int checks = 0;
        for (String value : values(data.values())) {
            for (String p : PREFIXES) {
                var expected = new TreeSet<String>();
                data.forEach((id, at) -> {
                    if (admits(p, value, at)) {
                        expected.add(id);
                    }
                });
                String query = base + "&_lastUpdated=" + enc(p + value);
                assertThat(found.apply(type, query).keySet()).as(type + "?" + query).containsExactlyInAnyOrderElementsOf(expected);
                checks++;
            }
        }
        // a range: both bounds together
        String range = base + "&_lastUpdated=ge2026-11-11&_lastUpdated=lt2026-11-12";
        var inRange = new TreeSet<String>();
        data.forEach((id, at) -> {
            if (at.atZone(SHANGHAI).toLocalDate().equals(LocalDate.of(2026, 11, 11))) {
                inRange.add(id);
            }
        });
        assertThat(found.apply(type, range).keySet()).as(type + "?" + range).containsExactlyInAnyOrderElementsOf(inRange);
        return checks + 1;
    }

    @Test
    void everyResourceCarriesItsVersionAndTimeAndIfNoneMatchAndVreadFollowThem() {
        for (Case c : cases()) {
            var bundle = gp.getFhir("/fhir/" + c.type() + "?" + c.base() + "&_count=100");
            for (JsonNode e : bundle.json().get("entry")) {
                JsonNode res = e.get("resource");
                String id = res.get("id").asString();
                String version = res.get("meta").get("versionId").asString();
                String path = "/fhir/" + c.type() + "/" + id;
                var same = gp.send("GET", path, null, Map.of("If-None-Match", "W/\"" + version + "\"", "Accept",
                        "application/fhir+json"));
                assertThat(same.status()).as(path + " If-None-Match current").isEqualTo(304);
                var changed = gp.send("GET", path, null, Map.of("If-None-Match", "W/\"" + (Long.parseLong(version) + 1) + "\"",
                        "Accept", "application/fhir+json"));
                assertThat(changed.status()).as(path + " If-None-Match other").isEqualTo(200);
                var current = gp.getFhir(path + "/_history/" + version);
                assertThat(current.status()).as(current.body()).isEqualTo(200);
                FhirValidation.assertValid(current.body());
                assertThat(current.json().get("meta").get("lastUpdated").asString())
                        .isEqualTo(res.get("meta").get("lastUpdated").asString());
                assertThat(gp.getFhir(path + "/_history/" + (Long.parseLong(version) + 3)).status()).isEqualTo(404);
            }
        }
    }

    @Test
    void linkingARecordIsANewPatientVersionWithANewTime() {
        String id = residentIds.get(0);
        var before = gp.getFhir("/fhir/Patient/" + id).json().get("meta");
        var linked = gp.post("/api/residents/" + id + "/links", "{\"sourceInstitutionId\":\"" + site.primary()
                + "\",\"localRecordNumber\":\"MR-" + System.nanoTime() + "\"}");
        assertThat(linked.status()).as(linked.body()).isBetween(200, 201);
        var after = gp.getFhir("/fhir/Patient/" + id).json().get("meta");
        assertThat(Long.parseLong(after.get("versionId").asString())).isEqualTo(Long.parseLong(before.get("versionId").asString()) + 1);
        assertThat(OffsetDateTime.parse(after.get("lastUpdated").asString()).toInstant()).isAfter(TIMES.get(3));
    }

    @Test
    void participantAloneFindsTheTeamAndItsContractsScopedToTheCallerAndPaged() {
        var all = gp.getFhir("/fhir/CareTeam?participant=Practitioner/" + site.gp());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        FhirValidation.assertValid(all.body());
        assertThat(all.json().get("total").asInt()).isEqualTo(4);
        // paged: the team, then the contracts, with next links and the same total on every page
        var seen = new TreeSet<String>();
        String next = "/fhir/CareTeam?participant=Practitioner/" + site.gp() + "&_count=3";
        int pages = 0;
        while (next != null) {
            var page = gp.getFhir(next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("total").asInt()).isEqualTo(4);
            page.json().get("entry").forEach(e -> assertThat(seen.add(e.get("resource").get("id").asString())).isTrue());
            String link = link(page.json(), "next");
            next = link == null ? null : FhirConformanceContract.path(link);
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        var expected = new TreeSet<>(contractIds);
        expected.add(teamId);
        assertThat(seen).isEqualTo(expected);
        // an unrelated institution's GP sees the team (no personal data) but none of its residents' contracts
        Site other = ResidentsFixture.site(registry, accounts);
        var foreign = Api.as(port, other.gpUser()).getFhir("/fhir/CareTeam?participant=Practitioner/" + site.gp());
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(200);
        assertThat(FhirConformanceContract.ids(foreign.json())).containsExactly(teamId).doesNotContainAnyElementsOf(contractIds);
        assertThat(foreign.json().get("total").asInt()).isOne();
        // a guessed practitioner id finds nothing
        var guessed = gp.getFhir("/fhir/CareTeam?participant=Practitioner/" + UUID.randomUUID());
        assertThat(guessed.json().get("total").asInt()).isZero();
    }

    // --- the reference reading of R4 date search, independent of the server's code ----------------

    /** id → meta.lastUpdated of every resource the search finds (all pages of up to 100). */
    Map<String, Instant> found(String type, String query) {
        var r = gp.getFhir("/fhir/" + type + "?" + query + "&_count=100");
        assertThat(r.status()).as(type + "?" + query + " " + r.body()).isEqualTo(200);
        var out = new LinkedHashMap<String, Instant>();
        if (r.json().has("entry")) {
            for (JsonNode e : r.json().get("entry")) {
                JsonNode meta = e.get("resource").get("meta");
                assertThat(meta.has("versionId")).as(type).isTrue();
                out.put(e.get("resource").get("id").asString(), OffsetDateTime.parse(meta.get("lastUpdated").asString()).toInstant());
            }
        }
        assertThat(r.json().get("total").asInt()).as(type + "?" + query).isEqualTo(out.size());
        return out;
    }

    /** Search values from the data: each time's day, its second with +08:00, in UTC, and without zone. */
    static List<String> values(java.util.Collection<Instant> times) {
        var out = new TreeSet<String>();
        for (Instant t : times) {
            var local = t.atZone(SHANGHAI);
            out.add(local.toLocalDate().toString());
            out.add(local.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            out.add(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            out.add(local.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
        return List.copyOf(out);
    }

    /** Whether an instant matches {@code prefix value}: the value is the period of its precision (R4 3.1.1.5.7). */
    static boolean admits(String prefix, String value, Instant at) {
        Instant start;
        Instant end;
        if (value.length() == 10) {
            LocalDate day = LocalDate.parse(value);
            start = day.atStartOfDay(SHANGHAI).toInstant();
            end = day.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        } else {
            start = value.length() == 19 ? LocalDateTime.parse(value).atZone(SHANGHAI).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            end = start.plusSeconds(1);
        }
        return switch (prefix) {
            case "eq" -> !at.isBefore(start) && at.isBefore(end);
            case "gt" -> !at.isBefore(end);
            case "ge" -> !at.isBefore(start);
            case "lt" -> at.isBefore(start);
            case "le" -> at.isBefore(end);
            default -> throw new IllegalArgumentException(prefix);
        };
    }
}
