package org.medunion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * fhir.md "Codes": every coded element a client sees resolves on the same server. Walks the demo city's
 * ServiceRequests, Tasks, Schedules, Slots and Appointments, collects every (system, code) pair and looks each
 * MedUnion-owned system up with {@code GET /fhir/CodeSystem?url=}: exactly one CodeSystem, defining every code used.
 */
abstract class CodeSystemCoverageContract {

    private static final String OURS = "https://medunion.example/fhir/CodeSystem/";

    @LocalServerPort
    int port;

    private static void collect(JsonNode node, Map<String, Set<String>> into) {
        if (node.isObject()) {
            if (node.has("system") && node.get("system").isString() && node.has("code")) {
                into.computeIfAbsent(node.get("system").asString(), k -> new HashSet<>()).add(node.get("code").asString());
            }
            node.properties().forEach(e -> collect(e.getValue(), into));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        }
    }

    private JsonNode bundle(Api api, String path) {
        var r = api.getFhir(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        return r.json();
    }

    @Test
    void everyMedUnionSystemInReferralAndSchedulingOutputResolvesAndDefinesItsCodes_validR4() {
        var api = Api.as(port, "admin");
        var used = new TreeMap<String, Set<String>>();
        var resources = new java.util.ArrayList<String>();
        for (String path : new String[] {"/fhir/ServiceRequest?_count=500", "/fhir/Task?_count=500", "/fhir/Schedule?_count=500"}) {
            var b = bundle(api, path);
            assertThat(b.get("total").asInt()).as(path).isPositive();
            collect(b, used);
            b.get("entry").forEach(e -> resources.add(e.get("resource").get("resourceType").asString() + "/"
                    + e.get("resource").get("id").asString()));
        }
        // appointments the accepted referrals booked, and the slots of every schedule (reserved ones carry slot-pool)
        var appointments = new HashSet<String>();
        bundle(api, "/fhir/Task?_count=500").get("entry").forEach(e -> e.get("resource").path("output").forEach(o -> {
            var ref = o.path("valueReference").path("reference");
            if (ref.isString() && ref.asString().startsWith("Appointment/")) {
                appointments.add(ref.asString());
            }
        }));
        assertThat(appointments).isNotEmpty();
        for (String a : appointments) {
            var r = api.getFhir("/fhir/" + a);
            assertThat(r.status()).as(a).isEqualTo(200);
            FhirValidation.assertValid(r.body());
            collect(r.json(), used);
        }
        resources.stream().filter(id -> id.startsWith("Schedule/")).limit(12).forEach(s -> collect(bundle(api,
                "/fhir/Slot?schedule=" + s + "&_count=50"), used));

        var ours = used.keySet().stream().filter(s -> s.startsWith(OURS)).toList();
        assertThat(ours).as("MedUnion systems in use").contains(OURS + "referral-direction", OURS + "referral-status",
                OURS + "schedule-kind", OURS + "slot-pool", OURS + "referral-task-parameter", OURS + "booking-kind");
        for (String system : ours) {
            var found = bundle(api, "/fhir/CodeSystem?url=" + URLEncoder.encode(system, StandardCharsets.UTF_8));
            assertThat(found.get("total").asInt()).as(system).isEqualTo(1);
            var cs = found.get("entry").get(0).get("resource");
            var defined = new HashSet<String>();
            cs.get("concept").forEach(c -> defined.add(c.get("code").asString()));
            assertThat(defined).as("codes of " + system).containsAll(used.get(system));
            cs.get("concept").forEach(c -> {
                assertThat(c.get("display").asString()).as(system + " display").isNotBlank();
                assertThat(c.path("designation").path(0).path("language").asString()).as(system + " en").isEqualTo("en");
            });
        }
    }
}
