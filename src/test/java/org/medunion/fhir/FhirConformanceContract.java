package org.medunion.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.fhir.FhirContract.assertOutcome;
import static org.medunion.fhir.FhirContract.enc;
import static org.medunion.fhir.FhirContract.link;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.residents.ResidentsFixture;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What standard FHIR clients rely on (issue 12, conformance; issue 10 item 2): result pages that are re-run,
 * scoped and audited searches bound to nobody's stored result; {@code _count} paging with next links and totals
 * cut in SQL; {@code _lastUpdated} and {@code Slot.start} as real filters with the R4 date semantics; vread of the
 * current version. Runs on H2 and PostgreSQL; every returned resource validates against R4.
 */
abstract class FhirConformanceContract {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api as(String user) {
        return Api.as(port, user);
    }

    // --- paging: re-run, scoped, audited, nobody else's (issue 10 item 2) -------------------------

    @Test
    void patientPagesAreRerunScopedAndAuditedAndAnotherAccountGetsNoneOfThem() {
        String prefix = "翻页" + "甲乙丙丁戊己庚辛壬癸".charAt(ThreadLocalRandom.current().nextInt(10))
                + "子丑寅卯辰巳午未申酉".charAt(ThreadLocalRandom.current().nextInt(10)) + System.nanoTime() % 10;
        var gp = as("gp");
        for (String suffix : List.of("一", "二", "三")) {
            var r = gp.post("/api/residents", "{\"idNumber\":\"" + ResidentsFixture.idNumber(ResidentsFixture.birth(), true)
                    + "\",\"name\":\"" + prefix + suffix + "\"}");
            assertThat(r.status()).as(r.body()).isBetween(200, 201);
        }
        var page1 = gp.getFhir("/fhir/Patient?name=" + enc(prefix) + "&_count=2");
        assertThat(page1.status()).as(page1.body()).isEqualTo(200);
        FhirValidation.assertValid(page1.body());
        assertThat(page1.json().get("total").asInt()).isEqualTo(3);
        assertThat(page1.json().get("entry")).hasSize(2);
        String next = Objects.requireNonNull(link(page1.json(), "next"), "a next link");
        assertThat(next).as(page1.body()).isNotNull().doesNotContain("_getpages").contains("_offset=2");

        var page2 = gp.getFhir(path(next));
        assertThat(page2.status()).as(page2.body()).isEqualTo(200);
        FhirValidation.assertValid(page2.body());
        assertThat(page2.json().get("entry")).hasSize(1);
        String third = page2.json().get("entry").get(0).get("resource").get("id").asString();
        assertThat(ids(page1.json())).doesNotContain(third);
        // the page-2 read is in the trail like the first page's
        assertThat(audit.count(new AuditQuery("gp", "resident", third, null, 100))).isPositive();

        // another institution's account following the link gets a search of its own scope: none of these residents
        var other = as("pharmacist").getFhir(path(next));
        if (other.status() == 200) {
            assertThat(ids(other.json())).doesNotContain(third).doesNotContainAnyElementsOf(ids(page1.json()));
        } else {
            assertThat(other.status()).isIn(403, 404);
        }
        assertThat(audit.count(new AuditQuery("pharmacist", "resident", third, null, 100))).isZero();

        // nothing is stored between requests, so a _getpages link names nothing for anybody
        for (String user : List.of("gp", "pharmacist", "admin")) {
            var forged = as(user).getFhir("/fhir?_getpages=" + java.util.UUID.randomUUID() + "&_getpagesoffset=2&_count=2");
            assertOutcome(forged, 404, "_getpages");
        }
    }

    @Test
    void auditEventPagesHaveNextLinksTotalsAndALastUpdatedFilter() {
        as("gp").getFhir("/fhir/Patient?name=" + enc("王"));
        as("gp").getFhir("/fhir/Patient?name=" + enc("李"));
        var admin = as("auditor"); // 三员: only the audit administrator reads the trail
        var page1 = admin.getFhir("/fhir/AuditEvent?agent-name=gp&_count=2");
        assertThat(page1.status()).as(page1.body()).isEqualTo(200);
        FhirValidation.assertValid(page1.body());
        int total = page1.json().get("total").asInt();
        assertThat(total).isGreaterThan(2);
        String next = Objects.requireNonNull(link(page1.json(), "next"), "a next link");
        assertThat(next).as(page1.body()).isNotNull().contains("_offset=2");
        var page2 = admin.getFhir(path(next));
        assertThat(page2.json().get("entry")).hasSize(2);
        assertThat(ids(page2.json())).doesNotContainAnyElementsOf(ids(page1.json()));

        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
        String today = LocalDate.now(SHANGHAI).toString();
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&_lastUpdated=gt" + tomorrow).json().get("total").asInt()).isZero();
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&_lastUpdated=ge" + today).json().get("total").asInt())
                .isPositive();
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&_lastUpdated=lt2020-01-01").json().get("total").asInt())
                .isZero();
    }

    @Test
    void auditEventsAreSearchedByDateAndAction() {
        as("gp").getFhir("/fhir/Patient?name=" + enc("王"));
        var admin = as("auditor");
        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
        String today = LocalDate.now(SHANGHAI).toString();
        int all = admin.getFhir("/fhir/AuditEvent?agent-name=gp").json().get("total").asInt();
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&date=ge" + today).json().get("total").asInt()).isEqualTo(all);
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&date=gt" + tomorrow).json().get("total").asInt()).isZero();
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&date=ge" + today + "&_lastUpdated=lt2020-01-01")
                .json().get("total").asInt()).as("both ranges narrow").isZero();

        var reads = admin.getFhir("/fhir/AuditEvent?agent-name=gp&action=R&_count=200");
        assertThat(reads.status()).as(reads.body()).isEqualTo(200);
        FhirValidation.assertValid(reads.body());
        int readCount = reads.json().get("total").asInt();
        assertThat(readCount).isPositive();
        reads.json().get("entry").forEach(e -> assertThat(e.get("resource").get("action").asString()).isEqualTo("R"));
        int executes = admin.getFhir("/fhir/AuditEvent?agent-name=gp&action=E").json().get("total").asInt();
        assertThat(admin.getFhir("/fhir/AuditEvent?agent-name=gp&action=R,E").json().get("total").asInt())
                .isEqualTo(readCount + executes);

        var wrong = admin.getFhir("/fhir/AuditEvent?action=X");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("action");
    }

    // --- _lastUpdated and vread on ServiceRequest and Task ----------------------------------------

    @Test
    void lastUpdatedFiltersServiceRequestsAndTasksAtDateAndDateTimePrecision() {
        var api = as("integrator");
        for (String type : List.of("Task", "ServiceRequest")) {
            var all = api.getFhir("/fhir/" + type + "?_count=200");
            assertThat(all.status()).as(all.body()).isEqualTo(200);
            int total = all.json().get("total").asInt();
            assertThat(total).as(type).isPositive();
            // the newest change the caller can see (the demo dates no change after loading, decision 0142)
            Instant newest = Instant.EPOCH;
            for (JsonNode e : all.json().get("entry")) {
                Instant at = java.time.OffsetDateTime.parse(e.get("resource").get("meta").get("lastUpdated").asString())
                        .toInstant();
                newest = at.isAfter(newest) ? at : newest;
            }
            String newestDay = newest.atZone(SHANGHAI).toLocalDate().toString();
            String dayAfter = newest.atZone(SHANGHAI).toLocalDate().plusDays(1).toString();
            String newestTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(newest.atZone(SHANGHAI));
            String earlier = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(newest.minusSeconds(3 * 365 * 86400L).atZone(SHANGHAI));
            // date precision
            assertThat(total(api, type, "_lastUpdated=gt" + newestDay)).as(type).isZero();
            assertThat(total(api, type, "_lastUpdated=ge" + dayAfter)).as(type).isZero();
            assertThat(total(api, type, "_lastUpdated=le" + newestDay)).as(type).isEqualTo(total);
            assertThat(total(api, type, "_lastUpdated=lt" + dayAfter)).as(type).isEqualTo(total);
            assertThat(total(api, type, "_lastUpdated=" + newestDay)).as(type).isPositive();
            // date-time precision
            assertThat(total(api, type, "_lastUpdated=gt" + enc(newestTime))).as(type).isZero();
            assertThat(total(api, type, "_lastUpdated=ge" + enc(newestTime))).as(type).isPositive();
            assertThat(total(api, type, "_lastUpdated=ge" + enc(earlier) + "&_lastUpdated=le" + enc(newestTime)))
                    .as(type).isEqualTo(total);
            if (total > 5) {
                assertThat(link(api.getFhir("/fhir/" + type + "?_count=5").json(), "next")).as(type).contains("_offset=5");
            }
        }
    }

    static int total(Api api, String type, String query) {
        var r = api.getFhir("/fhir/" + type + "?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asInt();
    }

    @Test
    void vreadServesTheCurrentVersionAndOlderVersionsAre404() {
        var api = as("integrator");
        var task = api.getFhir("/fhir/Task?_count=1").json().get("entry").get(0).get("resource");
        String id = task.get("id").asString();
        String version = task.get("meta").get("versionId").asString();
        assertThat(task.get("meta").has("lastUpdated")).isTrue();
        for (String type : List.of("Task", "ServiceRequest")) {
            var current = api.getFhir("/fhir/" + type + "/" + id + "/_history/" + version);
            assertThat(current.status()).as(current.body()).isEqualTo(200);
            FhirValidation.assertValid(current.body());
            assertThat(current.json().get("meta").get("versionId").asString()).isEqualTo(version);
            var old = api.getFhir("/fhir/" + type + "/" + id + "/_history/" + (Long.parseLong(version) + 7));
            assertThat(old.status()).as(old.body()).isEqualTo(404);
        }
        var slot = api.getFhir("/fhir/Slot?status=free&_count=1").json().get("entry").get(0).get("resource");
        var slotCurrent = api.getFhir("/fhir/Slot/" + slot.get("id").asString() + "/_history/"
                + slot.get("meta").get("versionId").asString());
        assertThat(slotCurrent.status()).as(slotCurrent.body()).isEqualTo(200);
    }

    // --- Slot: SQL paging without caps; R4 date semantics -----------------------------------------

    @Test
    void freeSlotsWithoutAScheduleArePagedInSqlWithTheRealTotal() {
        var api = as("integrator");
        var page1 = api.getFhir("/fhir/Slot?status=free&_count=50");
        assertThat(page1.status()).as(page1.body()).isEqualTo(200);
        FhirValidation.assertValid(page1.body());
        int total = page1.json().get("total").asInt();
        assertThat(total).isGreaterThan(500);
        var last = api.getFhir("/fhir/Slot?status=free&_count=50&_offset=" + (total - 1));
        assertThat(last.json().get("entry")).hasSize(1);
        assertThat(link(last.json(), "next")).isNull();
        var page2 = api.getFhir(path(Objects.requireNonNull(link(page1.json(), "next"), "a next link")));
        assertThat(page2.json().get("entry")).hasSize(50);
        assertThat(ids(page2.json())).doesNotContainAnyElementsOf(ids(page1.json()));
        page1.json().get("entry").forEach(e -> assertThat(e.get("resource").get("status").asString()).isEqualTo("free"));
    }

    @Test
    void slotStartFollowsTheR4DateRulesWithAndWithoutASchedule() {
        var api = as("integrator");
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        // without a schedule, at date precision
        var fromDay = api.getFhir("/fhir/Slot?start=ge" + day + "&_count=20");
        assertThat(fromDay.status()).as(fromDay.body()).isEqualTo(200);
        assertThat(fromDay.json().get("total").asInt()).isPositive();
        fromDay.json().get("entry").forEach(e -> assertThat(localDay(e)).isAfterOrEqualTo(day));

        String schedule = fromDay.json().get("entry").get(0).get("resource").get("schedule").get("reference").asString();
        var range = api.getFhir("/fhir/Slot?schedule=" + schedule + "&start=ge" + day + "&start=lt" + day.plusDays(1)
                + "&_count=200");
        var eq = api.getFhir("/fhir/Slot?schedule=" + schedule + "&start=" + day + "&_count=200");
        var le = api.getFhir("/fhir/Slot?schedule=" + schedule + "&start=ge" + day + "&start=le" + day + "&_count=200");
        int n = range.json().get("total").asInt();
        assertThat(n).isPositive();
        assertThat(eq.json().get("total").asInt()).isEqualTo(n);
        assertThat(le.json().get("total").asInt()).isEqualTo(n);
        for (var r : List.of(range, eq, le)) {
            FhirValidation.assertValid(r.body());
            r.json().get("entry").forEach(e -> assertThat(localDay(e)).isEqualTo(day));
        }
        // the whole schedule is the sum of its days: nothing of the day is lost at the lt boundary
        var before = api.getFhir("/fhir/Slot?schedule=" + schedule + "&start=lt" + day + "&_count=1").json().get("total").asInt();
        var after = api.getFhir("/fhir/Slot?schedule=" + schedule + "&start=gt" + day + "&_count=1").json().get("total").asInt();
        var whole = api.getFhir("/fhir/Slot?schedule=" + schedule + "&_count=1").json().get("total").asInt();
        assertThat(before + n + after).isEqualTo(whole);
    }

    // --- Schedule.actor valid in R4; CapabilityStatement from what the providers do -----------------

    @Test
    void scheduleActorIsTheDepartmentsHealthcareServiceWhichIsServed() {
        var api = as("integrator");
        var schedules = api.getFhir("/fhir/Schedule?_count=3");
        assertThat(schedules.status()).as(schedules.body()).isEqualTo(200);
        FhirValidation.assertValid(schedules.body());
        for (JsonNode entry : schedules.json().get("entry")) {
            var schedule = entry.get("resource");
            var actors = new ArrayList<String>();
            schedule.get("actor").forEach(a -> actors.add(a.get("reference").asString()));
            assertThat(actors).noneMatch(a -> a.startsWith("Organization/"));
            String service = actors.stream().filter(a -> a.startsWith("HealthcareService/")).findFirst().orElseThrow();
            var read = api.getFhir("/fhir/" + service);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            FhirValidation.assertValid(read.body());
            String organization = read.json().get("providedBy").get("reference").asString();
            assertThat(organization).startsWith("Organization/");
            assertThat(ids(api.getFhir("/fhir/HealthcareService?organization=" + organization + "&_count=200").json()))
                    .contains(service.substring("HealthcareService/".length()));
            assertThat(ids(api.getFhir("/fhir/Schedule?actor=" + service).json())).containsExactly(schedule.get("id").asString());
            assertThat(schedule.get("meta").has("lastUpdated")).isTrue();
        }
    }

    @Test
    void capabilityStatementStatesVersioningAndAdvertisesNoIncludes() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        assertThat(r.status()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        var versioning = new java.util.HashMap<String, String>();
        var params = new java.util.HashMap<String, Set<String>>();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            String type = res.get("type").asString();
            assertThat(res.has("searchInclude")).as(type).isFalse();
            assertThat(res.has("searchRevInclude")).as(type).isFalse();
            versioning.put(type, res.get("versioning").asString());
            var names = new HashSet<String>();
            if (res.has("searchParam")) {
                res.get("searchParam").forEach(p -> names.add(p.get("name").asString()));
            }
            params.put(type, names);
        }
        assertThat(versioning).containsEntry("Task", "versioned-update").containsEntry("Organization", "versioned-update")
                .containsEntry("ServiceRequest", "versioned").containsEntry("Slot", "versioned")
                .containsEntry("Patient", "versioned").containsEntry("Appointment", "no-version")
                .containsEntry("AuditEvent", "no-version");
        for (String type : List.of("Task", "ServiceRequest", "AuditEvent", "Organization")) {
            assertThat(params.get(type)).as(type).contains("_lastUpdated");
        }
        assertThat(params.get("HealthcareService")).contains("organization");
    }

    // --- helpers ---------------------------------------------------------------------------------

    static LocalDate localDay(JsonNode entry) {
        return java.time.OffsetDateTime.parse(entry.get("resource").get("start").asString()).atZoneSameInstant(SHANGHAI)
                .toLocalDate();
    }

    static String path(String link) {
        var uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static Set<String> ids(JsonNode bundle) {
        var ids = new HashSet<String>();
        if (bundle.has("entry")) {
            bundle.get("entry").forEach(e -> ids.add(e.get("resource").get("id").asString()));
        }
        return ids;
    }
}
