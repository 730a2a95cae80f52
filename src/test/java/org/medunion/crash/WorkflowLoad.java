package org.medunion.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The burst: several clients, each in a loop submitting a referral (its own Idempotency-Key), accepting
 * every third one it got acknowledged (booking a slot of the receiving hospital through scheduling) and
 * booking a free public slot directly every other round — slots picked at random, so clients collide and
 * get 409s. Records what the application acknowledged, and the keyed requests that got no answer (the
 * kill) so they can be retried with the same key after the restart.
 */
final class WorkflowLoad {

    /** A contracted resident: referred up from the primary institution to one of the contract's hospitals. */
    record Contract(UUID resident, UUID primary, List<UUID> hospitals) {
    }

    /** What the load needs from the demo city (read from the database after the first start). */
    record DemoData(List<Contract> contracts, Map<UUID, List<UUID>> outpatientSchedules, List<UUID> freePublicSlots) {
    }

    record AckedReferral(UUID id, String number, String key, UUID toInstitution) {
    }

    record AckedAcceptance(UUID referralId, UUID bookingId) {
    }

    record AckedBooking(UUID id, UUID slotId, String key) {
    }

    record Unanswered(String path, String key, String body) {
    }

    private record Answer(int status, JsonNode body) {
    }

    private final String baseUrl;
    private final String token;
    private final DemoData demo;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean stop;

    final List<AckedReferral> referrals = new CopyOnWriteArrayList<>();
    final List<AckedAcceptance> acceptances = new CopyOnWriteArrayList<>();
    final List<AckedBooking> bookings = new CopyOnWriteArrayList<>();
    final List<Unanswered> unanswered = new CopyOnWriteArrayList<>();
    /** Referrals whose acceptance got no answer (the kill): accepted or still submitted, both are fine. */
    final java.util.Set<UUID> acceptanceInDoubt = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    WorkflowLoad(String baseUrl, String token, DemoData demo) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.demo = demo;
    }

    static String token(String baseUrl, String username) throws IOException, InterruptedException {
        var load = new WorkflowLoad(baseUrl, null, null);
        var answer = load.post("/api/auth/token", null, Map.of("username", username, "password", "demo"));
        if (answer == null || answer.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + answer);
        }
        return answer.body().get("token").asString();
    }

    List<Thread> start(int clients) {
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            var thread = new Thread(() -> run(client), "r2-client-" + c);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    void stop() {
        stop = true;
    }

    private void run(int client) {
        var random = new SplittableRandom(client);
        for (int round = 1; !stop; round++) {
            try {
                var referral = submitReferral("r2-ref-" + client + "-" + round, random);
                if (referral != null && round % 3 == 0) {
                    accept(referral);
                }
                if (round % 2 == 0) {
                    book("r2-book-" + client + "-" + round, random);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private AckedReferral submitReferral(String key, SplittableRandom random) throws InterruptedException {
        var contract = demo.contracts().get(random.nextInt(demo.contracts().size()));
        var to = contract.hospitals().get(random.nextInt(contract.hospitals().size()));
        var body = new LinkedHashMap<String, Object>();
        body.put("direction", "UP");
        body.put("fromInstitutionId", contract.primary());
        body.put("toInstitutionId", to);
        body.put("residentId", contract.resident());
        body.put("reason", "R-2 crash test");
        body.put("diagnosisCode", "I10");
        body.put("diagnosisText", "原发性高血压");
        body.put("urgency", "URGENT");
        body.put("noCriteriaReason", "R-2 crash test");
        body.put("submit", true);
        var answer = keyed("referral", "/api/referrals", key, body);
        if (answer == null || answer.status() != 201) {
            return null;
        }
        var acked = acked(answer.body(), key);
        referrals.add(acked);
        return acked;
    }

    private static AckedReferral acked(JsonNode referral, String key) {
        return new AckedReferral(UUID.fromString(referral.get("id").asString()), referral.get("number").asString(), key,
                UUID.fromString(referral.get("toInstitutionId").asString()));
    }

    private void accept(AckedReferral referral) throws InterruptedException {
        var schedules = demo.outpatientSchedules().get(referral.toInstitution());
        var body = Map.<String, Object>of("bookingKind", "SLOT",
                "scheduleId", schedules.get(Math.floorMod(referral.id().hashCode(), schedules.size())));
        var answer = post("/api/referrals/" + referral.id() + "/accept", null, body);
        count("accept", answer);
        if (answer == null) {
            acceptanceInDoubt.add(referral.id());
        } else if (answer.status() == 200) {
            acceptances.add(new AckedAcceptance(referral.id(), UUID.fromString(answer.body().get("bookingId").asString())));
        }
    }

    private void book(String key, SplittableRandom random) throws InterruptedException {
        var slots = demo.freePublicSlots();
        var contract = demo.contracts().get(random.nextInt(demo.contracts().size()));
        var body = Map.<String, Object>of("slotId", slots.get(random.nextInt(slots.size())),
                "residentId", contract.resident());
        var answer = keyed("booking", "/api/scheduling/bookings", key, body);
        if (answer != null && answer.status() == 201) {
            bookings.add(new AckedBooking(UUID.fromString(answer.body().get("id").asString()),
                    UUID.fromString(answer.body().get("slotId").asString()), key));
        }
    }

    /** A request with an Idempotency-Key; remembered for a retry when it got no answer. */
    private Answer keyed(String kind, String path, String key, Map<String, Object> body) throws InterruptedException {
        var answer = post(path, key, body);
        count(kind, answer);
        if (answer == null) {
            unanswered.add(new Unanswered(path, key, json.writeValueAsString(body)));
        }
        return answer;
    }

    /** After the restart: every unanswered keyed request again, same key, same body, through {@code via}. */
    void retryUnanswered(WorkflowLoad via) throws InterruptedException {
        for (var request : unanswered) {
            Answer answer = via.send(request.path(), request.key(), request.body());
            count("retry " + (request.path().contains("referrals") ? "referral" : "booking"), answer);
            if (answer == null || answer.status() != 201) {
                continue;
            }
            var id = UUID.fromString(answer.body().get("id").asString());
            if (request.path().contains("referrals")) {
                referrals.add(acked(answer.body(), request.key()));
            } else {
                bookings.add(new AckedBooking(id, UUID.fromString(answer.body().get("slotId").asString()), request.key()));
            }
        }
    }

    Map<String, Integer> outcomesAsInts() {
        var counts = new LinkedHashMap<String, Integer>();
        outcomes.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private void count(String kind, Answer answer) {
        String outcome = kind + " " + (answer == null ? "no answer" : String.valueOf(answer.status()));
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    private Answer post(String path, String key, Map<String, Object> body) throws InterruptedException {
        return send(path, key, json.writeValueAsString(body));
    }

    private Answer send(String path, String key, String body) throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
        } catch (IOException e) {
            return null;
        }
    }
}
