package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFhirContract.ids;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * Orders to a centre over FHIR, decision 0237: the order's last change as meta.lastUpdated of its ServiceRequest, Task
 * and Specimen, {@code _lastUpdated} on the order searches (both sides of each bound, a step moving the order into a
 * window, paged), and the Specimen of a lab order — type, request, collection, receipt, accession, status after a quality
 * rejection and after a cancellation — read and searched with the order's scope (outsiders nothing, reads audited),
 * valid against R4 with the server's terminology, in the CapabilityStatement. Runs on H2 and PostgreSQL.
 */
abstract class CentreOrderFhirContract extends RunningCity {

    /** A FHIR instant at millisecond precision in UTC ({@code Z}, nothing to URL-encode). */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    @Autowired
    DiagnosticsManagement diagnostics;

    @Test
    void lastUpdatedIsTheOrdersLastChangeAndASearchWindowTheOrderMovesInto() throws InterruptedException {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String order = place(w, w.potassium);
        String id = order + "-order";
        var placed = w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id).json();
        Instant t1 = lastUpdated(placed);
        assertThat(placed.get("meta").get("versionId").asString()).isEqualTo("1");
        assertThat(lastUpdated(w.as(w.gp).getFhir("/fhir/Task/" + id).json())).isEqualTo(t1);
        String orders = "/fhir/ServiceRequest?category=centre-order&patient=Patient/" + w.resident + "&_lastUpdated=";
        String tasks = "/fhir/Task?code=centre-order&patient=Patient/" + w.resident + "&_lastUpdated=";

        // both sides of the placement time, for ServiceRequest and Task
        for (String search : List.of(orders, tasks)) {
            assertThat(found(w, search + "ge" + at(t1))).as(search).containsExactly(id);
            assertThat(found(w, search + "le" + at(t1))).as(search).containsExactly(id);
            assertThat(found(w, search + "gt" + at(t1))).as(search).isEmpty();
            assertThat(found(w, search + "lt" + at(t1))).as(search).isEmpty();
        }

        // the centre receives it: a later change, version 2, now inside "gt t1" and outside "le t1"
        Thread.sleep(20);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + order + "/receive", ""), 200);
        var task = w.as(w.gp).getFhir("/fhir/Task/" + id).json();
        Instant t2 = lastUpdated(task);
        assertThat(t2).isAfter(t1);
        assertThat(task.get("meta").get("versionId").asString()).isEqualTo("2");
        for (String search : List.of(orders, tasks)) {
            assertThat(found(w, search + "gt" + at(t1))).as(search).containsExactly(id);
            assertThat(found(w, search + "le" + at(t1))).as(search).isEmpty();
            assertThat(found(w, search + "ge" + at(t2))).as(search).containsExactly(id);
            assertThat(found(w, search + "gt" + at(t2))).as(search).isEmpty();
        }
        // a range: after the placement, up to the receipt
        assertThat(found(w, orders + "gt" + at(t1) + "&_lastUpdated=le" + at(t2))).containsExactly(id);
        assertThat(found(w, orders + "gt" + at(t1) + "&_lastUpdated=lt" + at(t2))).isEmpty();

        // paged as the other order searches: a second order, one per page, the total counted in SQL
        Thread.sleep(20);
        String second = place(w, w.hba1c) + "-order";
        var page = w.as(w.gp).getFhir(orders + "ge" + at(t1) + "&_count=1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("total").asInt()).isEqualTo(2);
        assertThat(ids(page.json())).hasSize(1);
        assertThat(page.body()).contains("\"next\"");
        List<String> both = new ArrayList<>(ids(page.json()));
        both.addAll(ids(w.as(w.gp).getFhir(orders + "ge" + at(t1) + "&_count=1&_offset=1").json()));
        assertThat(both).containsExactlyInAnyOrder(id, second);
        assertThat(found(w, orders + "gt" + at(t2))).containsExactly(second);

        // the Specimen carries the order's change and version; outsiders find nothing in any window
        var specimen = w.as(w.gp).getFhir("/fhir/Specimen/" + order + "-specimen").json();
        assertThat(lastUpdated(specimen)).isEqualTo(t2);
        assertThat(specimen.get("meta").get("versionId").asString()).isEqualTo("2");
        assertThat(ids(w.as(w.outsider).getFhir(orders + "ge" + at(t1)).json())).isEmpty();
        var bad = w.as(w.gp).getFhir(tasks + "ne" + at(t1));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("OperationOutcome").contains("_lastUpdated");
    }

    @Test
    void aLabOrderHasASpecimenReadAndSearchedWithTheOrdersScope() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        var strict = FhirValidation.withServerTerminology(w.as(w.gp));
        var placed = ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.potassium, w.centre)), 201);
        String order = placed.get("id").asString();
        String specimenId = order + "-specimen";
        String ct = place(w, w.ct);

        var before = w.as(w.gp).getFhir("/fhir/Specimen/" + specimenId);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        strict.check(before.body());
        JsonNode s = before.json();
        assertThat(s.get("status").asString()).isEqualTo("available");
        assertThat(s.get("type").get("coding").get(0).get("system").asString())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0487");
        assertThat(s.get("type").get("coding").get(0).get("code").asString()).isEqualTo("BLDV");
        assertThat(s.get("type").get("text").asString()).isEqualTo("静脉血");
        assertThat(s.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(s.get("request").get(0).get("reference").asString()).isEqualTo("ServiceRequest/" + order + "-order");
        assertThat(OffsetDateTime.parse(s.get("collection").get("collectedDateTime").asString()).toInstant())
                .isEqualTo(Instant.parse(placed.get("orderedAt").asString()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(s.has("receivedTime")).as("not received yet").isFalse();
        assertThat(s.has("accessionIdentifier")).isFalse();
        var sr = w.as(w.gp).getFhir("/fhir/ServiceRequest/" + order + "-order").json();
        assertThat(sr.get("specimen").get(0).get("reference").asString()).isEqualTo("Specimen/" + specimenId);

        // received by the centre: the receipt time and the accession number
        var received = ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + order + "/receive", ""), 200);
        var after = w.as(w.centreStaff).getFhir("/fhir/Specimen/" + specimenId);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        strict.check(after.body());
        assertThat(OffsetDateTime.parse(after.json().get("receivedTime").asString()).toInstant())
                .isEqualTo(Instant.parse(received.get("receivedAt").asString()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(after.json().get("accessionIdentifier").get("value").asString()).isEqualTo(order);
        assertThat(after.json().get("accessionIdentifier").get("system").asString()).endsWith("/id/specimen-accession");

        // an imaging order takes no specimen
        assertThat(w.as(w.gp).getFhir("/fhir/Specimen/" + ct + "-specimen").status()).isEqualTo(404);
        assertThat(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + ct + "-order").json().has("specimen")).isFalse();

        // searched by patient (lab orders only) and by the order's ServiceRequest
        var byPatient = w.as(w.gp).getFhir("/fhir/Specimen?patient=Patient/" + w.resident);
        assertThat(byPatient.status()).as(byPatient.body()).isEqualTo(200);
        strict.check(byPatient.body());
        assertThat(ids(byPatient.json())).containsExactly(specimenId);
        assertThat(ids(w.as(w.office).getFhir("/fhir/Specimen?request=ServiceRequest/" + order + "-order").json()))
                .containsExactly(specimenId);
        assertThat(ids(w.as(w.gp).getFhir("/fhir/Specimen?request=ServiceRequest/" + ct + "-order").json())).isEmpty();
        assertThat(ids(w.as(w.gp).getFhir("/fhir/Specimen?request=ServiceRequest/" + UUID.randomUUID()).json())).isEmpty();
        assertThat(ids(w.as(w.gp).getFhir("/fhir/Specimen?patient=Patient/" + w.stranger).json())).isEmpty();
        var wrongType = w.as(w.gp).getFhir("/fhir/Specimen?request=Patient/" + w.resident);
        assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
        assertThat(wrongType.body()).contains("OperationOutcome").contains("request");

        // nobody else: another institution's GP, a planner of another jurisdiction, an anonymous caller
        long reads = audited(order);
        for (String user : List.of(w.outsider, otherJurisdiction())) {
            assertThat(w.as(user).getFhir("/fhir/Specimen/" + specimenId).status()).as(user).isEqualTo(404);
            assertThat(ids(w.as(user).getFhir("/fhir/Specimen?patient=Patient/" + w.resident).json())).as(user).isEmpty();
            assertThat(ids(w.as(user).getFhir("/fhir/Specimen?request=ServiceRequest/" + order + "-order").json())).as(user)
                    .isEmpty();
        }
        assertThat(Api.anonymous(port).getFhir("/fhir/Specimen/" + specimenId).status()).isEqualTo(401);
        assertThat(audited(order)).as("outsiders read nothing").isEqualTo(reads);
        w.as(w.gp).getFhir("/fhir/Specimen/" + specimenId);
        assertThat(audited(order)).as("a read is audited as the order's").isEqualTo(reads + 1);
    }

    @Test
    void aSpecimenRejectedForQualityIsUnsatisfactoryWithItsConditionAndACancelledOneUnavailable() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        var strict = FhirValidation.withServerTerminology(w.as(w.gp));
        ok(w.admin().put("/api/diagnostics/items", """
                {"code":"U-%s","name":"尿常规","kind":"LAB","listPrice":10.00,"specimenType":"URINE"}""".formatted(w.potassium)), 200);
        String urine = place(w, "U-" + w.potassium);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + urine + "/receive", ""), 200);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + urine + "/reject", """
                {"reason":"SPECIMEN_HAEMOLYSED","reasonText":"明显溶血"}"""), 200);
        var rejected = w.as(w.gp).getFhir("/fhir/Specimen/" + urine + "-specimen");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        strict.check(rejected.body());
        JsonNode r = rejected.json();
        assertThat(r.get("status").asString()).isEqualTo("unsatisfactory");
        assertThat(r.get("type").get("coding").get(0).get("code").asString()).isEqualTo("UR");
        assertThat(r.get("type").get("text").asString()).isEqualTo("尿液");
        JsonNode condition = r.get("condition").get(0);
        assertThat(condition.toString()).contains("\"HEM\"").contains("specimen-haemolysed");
        assertThat(condition.get("text").asString()).isEqualTo("标本溶血：明显溶血");

        // insufficient: no HL7 condition says it, the MedUnion code alone
        String little = place(w, w.potassium);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + little + "/receive", ""), 200);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + little + "/reject", """
                {"reason":"SPECIMEN_INSUFFICIENT"}"""), 200);
        JsonNode insufficient = w.as(w.gp).getFhir("/fhir/Specimen/" + little + "-specimen").json();
        assertThat(insufficient.get("condition").get(0).get("coding")).hasSize(1);
        assertThat(insufficient.get("condition").get(0).get("coding").get(0).get("code").asString()).isEqualTo("specimen-insufficient");

        String cancelled = place(w, w.hba1c);
        ok(w.as(w.gp).post("/api/diagnostics/orders/" + cancelled + "/cancel", ""), 200);
        var gone = w.as(w.gp).getFhir("/fhir/Specimen/" + cancelled + "-specimen");
        assertThat(gone.status()).as(gone.body()).isEqualTo(200);
        strict.check(gone.body());
        assertThat(gone.json().get("status").asString()).isEqualTo("unavailable");
        assertThat(gone.json().has("condition")).isFalse();
        // an open one stays available
        assertThat(w.as(w.gp).getFhir("/fhir/Specimen/" + place(w, w.hba1c) + "-specimen").json().get("status").asString())
                .isEqualTo("available");

        // the catalogue names a specimen only for lab and pathology items
        var imaging = w.admin().put("/api/diagnostics/items", """
                {"code":"MR-%s","name":"头颅MR","kind":"IMAGING","listPrice":500.00,"specimenType":"TISSUE"}""".formatted(w.potassium));
        assertThat(imaging.status()).as(imaging.body()).isEqualTo(400);
        assertThat(imaging.body()).contains("DIAGNOSTICS-0050").contains("specimenType");
        var unknown = w.admin().put("/api/diagnostics/items", """
                {"code":"X-%s","name":"某项","kind":"LAB","listPrice":5.00,"specimenType":"SALIVA"}""".formatted(w.potassium));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("specimenType");
    }

    @Test
    void theCapabilityStatementListsSpecimenWithItsSearchParameters() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        assertThat(r.status()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        JsonNode specimen = Api.JSON.createObjectNode();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            if (res.get("type").asString().equals("Specimen")) {
                specimen = res;
            }
        }
        assertThat(specimen.has("type")).as("Specimen in the CapabilityStatement").isTrue();
        List<String> params = new ArrayList<>();
        specimen.get("searchParam").forEach(p -> params.add(p.get("name").asString()));
        assertThat(params).contains("patient", "request", "_lastUpdated");
        List<String> interactions = new ArrayList<>();
        specimen.get("interaction").forEach(i -> interactions.add(i.get("code").asString()));
        assertThat(interactions).contains("read", "vread", "search-type").doesNotContain("update", "create");
    }

    /** Every write moves the change time: each step, the acknowledgement, a rejection, a cancellation, both escalations. */
    @Test
    void everyStepAcknowledgementRejectionCancellationAndEscalationMovesTheChangeTime() throws InterruptedException {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String order = place(w, w.potassium);
        String path = "/api/diagnostics/orders/" + order;
        Instant last = changed(order);
        for (String step : List.of("/receive", "/start")) {
            last = after(last, order, () -> ok(w.as(w.centreStaff).post(path + step, ""), 200));
        }
        last = after(last, order, () -> ok(w.as(w.centreStaff).post(path + "/report", """
                {"status":"FINAL","resultDate":"%s","critical":true,"observations":[{"code":"K","name":"钾","value":"6.8"}]}"""
                .formatted(w.today)), 200));
        // the critical result escalated unacknowledged (its clock put in the past), then acknowledged
        jdbc.sql("update diagnostics_order set critical_due_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(order)).update();
        last = after(last, order, () -> diagnostics.escalateOverdue(Instant.now()));
        after(last, order, () -> ok(w.as(w.gp).post(path + "/acknowledge", ""), 200));

        String rejected = place(w, w.potassium);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + rejected + "/receive", ""), 200);
        after(changed(rejected), rejected, () -> ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + rejected + "/reject", """
                {"reason":"SPECIMEN_INSUFFICIENT"}"""), 200));
        String cancelled = place(w, w.hba1c);
        after(changed(cancelled), cancelled, () -> ok(w.as(w.gp).post("/api/diagnostics/orders/" + cancelled + "/cancel", ""), 200));
        // overdue: due a minute ago, escalated by the deadline job
        String overdue = place(w, w.hba1c);
        jdbc.sql("update diagnostics_order set due_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(overdue)).update();
        after(changed(overdue), overdue, () -> diagnostics.escalateOverdue(Instant.now()));
    }

    /** Runs the write a little after {@code before} and returns the order's change time, which must be later. */
    private Instant after(Instant before, String order, Runnable write) throws InterruptedException {
        Thread.sleep(5);
        write.run();
        Instant now = changed(order);
        assertThat(now).as(order).isAfter(before);
        return now;
    }

    private Instant changed(String order) {
        return jdbc.sql("select updated_at from diagnostics_order where id = ?").param(UUID.fromString(order))
                .query(Timestamp.class).single().toInstant();
    }

    /**
     * V11_70's backfill, run on rows as they stood before it: the latest time a row records — a step, the rejection, the
     * acknowledgement — and for an escalation, which kept no time, the deadline it passed. Hand-built rows, one per case.
     */
    @Test
    void theMigrationDatesExistingOrdersByTheirLatestRecordedTime() throws IOException {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        Instant t0 = Instant.parse("2026-03-02T01:00:00Z");
        var open = row(w, t0, null, null, null, false, null, null, false);
        var escalated = row(w, t0, t0.plusSeconds(3600), null, null, true, null, null, false);
        var rejected = row(w, t0, t0.plusSeconds(3600), t0.plusSeconds(3 * 3600), t0.plusSeconds(3 * 3600), false, null, null, false);
        var acknowledged = row(w, t0, t0.plusSeconds(3600), t0.plusSeconds(4 * 3600), null, false, t0.plusSeconds(4 * 3600 + 600),
                t0.plusSeconds(5 * 3600), false);
        var criticalEscalated = row(w, t0, t0.plusSeconds(3600), t0.plusSeconds(4 * 3600), null, false, t0.plusSeconds(6 * 3600),
                null, true);
        String migration = new String(new ClassPathResource(
                "db/migration/V11_70__diagnostics_order_updated_at.sql").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        int start = migration.indexOf("update diagnostics_order set updated_at");
        String backfill = migration.substring(start, migration.indexOf(';', start));
        var ids = List.of(open, escalated, rejected, acknowledged, criticalEscalated);
        for (var id : ids) {
            jdbc.sql(backfill + " where id = ?").param(id).update();
        }
        List<Instant> dated = new ArrayList<>();
        for (var id : ids) {
            dated.add(jdbc.sql("select updated_at from diagnostics_order where id = ?").param(id).query(Timestamp.class)
                    .single().toInstant());
        }
        // placed; due (t0+2h) after the receipt; rejected at t0+3h; acknowledged at t0+5h; critical due at t0+6h
        assertThat(dated).containsExactly(t0, t0.plusSeconds(2 * 3600), t0.plusSeconds(3 * 3600), t0.plusSeconds(5 * 3600),
                t0.plusSeconds(6 * 3600));
    }

    @SuppressWarnings("checkstyle:ParameterNumber") // one per column the backfill reads
    private UUID row(DiagnosticsFixture w, Instant ordered, @Nullable Instant received,
                     @Nullable Instant finished, @Nullable Instant rejected,
                     boolean escalated, @Nullable Instant criticalDue,
                     @Nullable Instant acknowledged, boolean criticalEscalated) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into diagnostics_order (id, resident_id, item_code, centre_id, ordering_institution_id, ordered_by, status,
                  urgent, ordered_at, due_at, received_at, finished_at, rejected_at, escalated, critical_due_at,
                  critical_acknowledged_at, critical_escalated, version)
                values (?, ?, ?, ?, ?, ?, 'ORDERED', false, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(Arrays.asList(id, w.resident, w.potassium, UUID.fromString(w.centre), w.primary, w.gp, ts(ordered),
                        ts(ordered.plusSeconds(2 * 3600)), ts(received), ts(finished), ts(rejected), escalated, ts(criticalDue),
                        ts(acknowledged), criticalEscalated))
                .update();
        return id;
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String place(DiagnosticsFixture w, String item) {
        return ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, item, w.centre)), 201).get("id").asString();
    }

    private static List<String> found(DiagnosticsFixture w, String search) {
        var r = w.as(w.gp).getFhir(search);
        assertThat(r.status()).as(search + " " + r.body()).isEqualTo(200);
        return ids(r.json());
    }

    private static Instant lastUpdated(JsonNode resource) {
        return OffsetDateTime.parse(resource.get("meta").get("lastUpdated").asString()).toInstant();
    }

    private static String at(Instant instant) {
        return MILLIS.format(instant);
    }

    private long audited(String order) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'DiagnosticOrder' and object_id = ? and action = 'READ'")
                .param(order).query(Long.class).single();
    }

    private String otherJurisdiction() {
        String user = "cq-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(user, "demo", "Planner " + user, Role.PLANNER, Scope.jurisdiction("500000")));
        return user;
    }
}
