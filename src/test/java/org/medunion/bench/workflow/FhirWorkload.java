package org.medunion.bench.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.medunion.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The P-1 mix through FHIR R4, for MedUnion's {@code /fhir} and for a stock HAPI FHIR JPA server: Slot search,
 * Appointment create, ServiceRequest (+ Task) create, Task read + update to accepted, Patient search. MedUnion
 * creates the referral's Task itself when a ServiceRequest is posted; on a plain FHIR store the client posts the
 * Task too, so that transaction makes two requests there.
 */
final class FhirWorkload {

    private static final String FHIR = "application/fhir+json";
    static final String ID_NUMBER = "urn:oid:2.16.156.10011.1.3";

    private final Fixture f;
    private final boolean hapi;
    private final Api gp;
    private final Api specialist;
    private final SlotPool slots = new SlotPool();
    private final ConcurrentLinkedQueue<String> requested = new ConcurrentLinkedQueue<>();

    FhirWorkload(Fixture f, int port, boolean hapi) {
        this.f = f;
        this.hapi = hapi;
        this.gp = hapi ? Api.anonymous(port) : Api.as(port, "gp");
        this.specialist = hapi ? Api.anonymous(port) : Api.as(port, "specialist");
    }

    List<Operation> mix() {
        return List.of(new Operation("slot-search", 30, this::searchSlots),
                new Operation("booking", 20, this::book),
                new Operation("referral-create", 20, this::createReferral),
                new Operation("referral-accept", 15, this::accept),
                new Operation("resident-search", 15, this::searchPatients));
    }

    private int searchSlots(ThreadLocalRandom r) {
        LocalDate day = LocalDate.parse(Mix.pick(f.dates(), r));
        var res = gp.getFhir("/fhir/Slot?schedule=Schedule/" + Mix.pick(f.schedules(), r) + "&status=free&start=ge" + day
                + "&start=lt" + day.plusDays(1) + "&_count=50");
        if (res.status() == 200) {
            var ids = new ArrayList<String>();
            JsonNode entries = res.json().get("entry");
            if (entries != null) {
                entries.forEach(e -> ids.add(e.get("resource").get("id").asString()));
            }
            slots.offer(ids);
        }
        return res.status();
    }

    private int book(ThreadLocalRandom r) {
        String slot = slots.pick(r);
        if (slot == null) {
            return searchSlots(r);
        }
        String body = """
                {"resourceType":"Appointment","status":"booked","slot":[{"reference":"Slot/%s"}],
                 "participant":[{"actor":{"reference":"Patient/%s"},"status":"accepted"}]}""".formatted(slot,
                Mix.pick(f.residents(), r).id());
        return gp.send("POST", "/fhir/Appointment", body, Map.of("Content-Type", FHIR, "Accept", FHIR,
                "Idempotency-Key", UUID.randomUUID().toString())).status();
    }

    private int createReferral(ThreadLocalRandom r) {
        String patient = Mix.pick(f.residents(), r).id();
        var sr = gp.postFhir("/fhir/ServiceRequest", """
                {"resourceType":"ServiceRequest","status":"active","intent":"order",
                 "extension":[{"url":"https://medunion.example/fhir/StructureDefinition/referral-no-criteria-reason","valueString":"专科评估"}],
                 "category":[{"coding":[{"system":"http://snomed.info/sct","code":"3457005","display":"Patient referral"}]}],
                 "priority":"routine",
                 "code":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-direction","code":"up"}],"text":"心内科"},
                 "subject":{"reference":"Patient/%s"},
                 "requester":{"reference":"Organization/%s"},
                 "performer":[{"reference":"Organization/%s"}],
                 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I10","display":"原发性高血压"}]}],
                 "note":[{"text":"血压控制不佳，需专科评估"}]}""".formatted(patient, f.primary(), f.hospital()));
        if (sr.status() != 201) {
            return sr.status();
        }
        String id = sr.json().get("id").asString();
        if (!hapi) {
            requested.add(id); // MedUnion: the Task has the ServiceRequest's id
            return sr.status();
        }
        var task = gp.postFhir("/fhir/Task", """
                {"resourceType":"Task","status":"requested","intent":"order","focus":{"reference":"ServiceRequest/%s"},
                 "for":{"reference":"Patient/%s"},"requester":{"reference":"Organization/%s"},
                 "owner":{"reference":"Organization/%s"}}""".formatted(id, patient, f.primary(), f.hospital()));
        if (task.status() == 201) {
            requested.add(task.json().get("id").asString());
        }
        return Operation.first(sr.status(), task.status());
    }

    /** Reads a requested Task for its version and updates it to accepted with a schedule to book from. */
    private int accept(ThreadLocalRandom r) {
        String id = requested.poll();
        if (id == null) {
            return createReferral(r);
        }
        var task = specialist.getFhir("/fhir/Task/" + id);
        if (task.status() != 200) {
            return task.status();
        }
        JsonNode t = task.json();
        String focus = t.get("focus").get("reference").asString();
        String body = """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order",
                 "focus":{"reference":"%s"},"owner":{"reference":"Organization/%s"},
                 "input":[{"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-task-input","code":"slot"}]},
                           "valueReference":{"reference":"Schedule/%s"}}]}""".formatted(id, focus, f.hospital(),
                Mix.pick(f.schedules(), r));
        var put = specialist.putFhir("/fhir/Task/" + id, body, "W/\"" + t.get("meta").get("versionId").asString() + "\"");
        return Operation.first(task.status(), put.status());
    }

    private int searchPatients(ThreadLocalRandom r) {
        Fixture.Resident resident = Mix.pick(f.residents(), r);
        if (r.nextBoolean()) {
            return gp.getFhir("/fhir/Patient?identifier=" + Mix.q(ID_NUMBER + "|" + resident.idNumber())).status();
        }
        return gp.getFhir("/fhir/Patient?_count=20&name=" + Mix.q(resident.name().substring(0, 3))).status();
    }
}
