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
 * The P-1 mix over MedUnion's REST API: the GP searches free slots of the consortium, books, refers up and
 * searches residents, asks the hospital for a remote consultation and looks up recognisable earlier results; the
 * hospital's specialist accepts submitted referrals with a slot.
 */
final class RestWorkload {

    private static final String JSON = "application/json";

    private final Fixture f;
    private final Api gp;
    private final Api specialist;
    private final SlotPool slots = new SlotPool();
    private final ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();

    RestWorkload(Fixture f, int port) {
        this.f = f;
        this.gp = Api.as(port, "gp");
        this.specialist = Api.as(port, "specialist");
    }

    /**
     * The REST mix; the recognition look-up (P-8) takes 5 of the slot search's 25 % when the fixture has results
     * (mode=seed-results), else the slot search keeps them.
     */
    List<Operation> mix() {
        boolean recognition = f.items() != null && !f.items().isEmpty() && f.withResults() > 0;
        var mix = new ArrayList<Operation>(List.of(new Operation("slot-search", recognition ? 20 : 25, this::searchSlots),
                new Operation("booking", 20, this::book),
                new Operation("referral-create", 15, r -> createReferral(r).status()),
                new Operation("referral-accept", 15, this::accept),
                new Operation("resident-search", 15, this::searchResidents),
                new Operation("consultation-request", 10, this::requestConsultation)));
        if (recognition) {
            mix.add(new Operation("recognition-lookup", 5, this::lookUpRecognisable));
        } else {
            System.out.println("no results seeded (mode=seed-results): the recognition look-up is not in the mix");
        }
        return List.copyOf(mix);
    }

    /**
     * Result mutual recognition at order entry (P-8): the GP about to order HbA1c or glucose asks which earlier
     * results of a contracted resident it may recognise; the answer lists them with the reasons (offered or not).
     */
    private int lookUpRecognisable(ThreadLocalRandom r) {
        List<String> items = f.items() == null ? List.of() : f.items();
        var resident = f.residents().get(r.nextInt(f.withResults()));
        return gp.get("/api/diagnostics/recognisable?residentId=" + resident.id() + "&itemCode=" + Mix.pick(items, r)).status();
    }

    private int searchSlots(ThreadLocalRandom r) {
        var res = gp.get("/api/scheduling/slots?consortium=" + f.consortium() + "&discipline=" + Mix.q("内科") + "&free=true&limit=50&date="
                + Mix.pick(f.dates(), r));
        if (res.status() == 200) {
            var ids = new ArrayList<String>();
            res.json().forEach(s -> ids.add(s.get("id").asString()));
            slots.offer(ids);
        }
        return res.status();
    }

    private int book(ThreadLocalRandom r) {
        String slot = slots.pick(r);
        String body = slot != null
                ? "{\"slotId\":\"%s\",\"residentId\":\"%s\"}".formatted(slot, Mix.pick(f.residents(), r).id())
                : "{\"scheduleId\":\"%s\",\"date\":\"%s\",\"residentId\":\"%s\"}".formatted(Mix.pick(f.schedules(), r),
                        Mix.pick(f.dates(), r), Mix.pick(f.residents(), r).id());
        return gp.send("POST", "/api/scheduling/bookings", body, idempotent()).status();
    }

    private Api.Response createReferral(ThreadLocalRandom r) {
        String body = """
                {"direction":"UP","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s",
                 "reason":"血压控制不佳，需专科评估","diagnosisCode":"I10","diagnosisText":"原发性高血压","urgency":"ROUTINE",
                 "noCriteriaReason":"专科评估","submit":true}""".formatted(f.hospital(), Mix.pick(f.residents(), r).id());
        var res = gp.send("POST", "/api/referrals", body, idempotent());
        if (res.status() == 201) {
            submitted.add(res.json().get("id").asString());
        }
        return res;
    }

    /** Accepts a submitted referral, booking the first free slot of a day; creates one first if none is waiting. */
    private int accept(ThreadLocalRandom r) {
        String id = submitted.poll();
        int created = 200;
        if (id == null) {
            var res = createReferral(r);
            created = res.status();
            id = submitted.poll();
            if (id == null) {
                return created;
            }
        }
        String body = "{\"bookingKind\":\"SLOT\",\"scheduleId\":\"%s\",\"date\":\"%s\"}".formatted(Mix.pick(f.schedules(), r),
                Mix.pick(f.dates(), r));
        return Operation.first(created, specialist.send("POST", "/api/referrals/" + id + "/accept", body,
                Map.of("Content-Type", JSON)).status());
    }

    /**
     * A remote consultation request with the patient's consent (TM-2) to the hospital's 心内科, passing the TM-1
     * agreement, TM-3 content and routing gates; the seeder records the agreement.
     */
    private int requestConsultation(ThreadLocalRandom r) {
        String body = """
                {"type":"REMOTE","urgency":"ROUTINE","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s",
                 "reason":"血压控制不佳","purpose":"调整降压方案","proposedTime":"%sT02:00:00Z",
                 "recordSummary":"近两周血压 170/100，已用氨氯地平","invitedSpecialty":"心血管内科","invitedTitle":"主任医师",
                 "consentSigner":"PATIENT","consentSignedOn":"%s"}""".formatted(f.hospital(), Mix.pick(f.residents(), r).id(),
                Mix.pick(f.dates(), r), LocalDate.now());
        return gp.send("POST", "/api/consultations", body, idempotent()).status();
    }

    private int searchResidents(ThreadLocalRandom r) {
        if (r.nextBoolean()) {
            return gp.get("/api/residents?idNumber=" + Mix.pick(f.residents(), r).idNumber()).status();
        }
        return gp.get("/api/residents?limit=20&name=" + Mix.q(Mix.pick(f.residents(), r).name().substring(0, 3))).status();
    }

    private static Map<String, String> idempotent() {
        return Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString());
    }

    static String id(JsonNode node) {
        return node.isObject() ? node.get("value").asString() : node.asString();
    }
}
