package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.medunion.support.FhirValidation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * R4 Subscription (rest-hook) on referrals, delivered from the event publication registry to a receiver on
 * localhost: a matching change is notified (empty R4 notification with the subscription and event ids), a failing
 * receiver is retried from the registry until it answers (at least once) and the subscription shows the error in
 * between, criteria outside the caller's scope are refused, and a subscription is nobody else's to read.
 */
abstract class ReferralSubscriptionContract extends ReferralWorldTest {

    @Autowired
    IncompleteEventPublications incomplete;

    /** A receiver that answers the first {@code failFirst} notifications with 500. */
    record Receiver(HttpServer server, LinkedBlockingQueue<Map<String, String>> received, AtomicInteger failFirst) {

        static Receiver start(int failFirst) throws java.io.IOException {
            var received = new LinkedBlockingQueue<Map<String, String>>();
            var fail = new AtomicInteger(failFirst);
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                received.add(Map.of("subscription", String.valueOf(exchange.getRequestHeaders().getFirst("X-MedUnion-Subscription")),
                        "event", String.valueOf(exchange.getRequestHeaders().getFirst("X-MedUnion-Event-Id")),
                        "auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
                exchange.sendResponseHeaders(fail.getAndDecrement() > 0 ? 500 : 200, -1);
                exchange.close();
            });
            server.start();
            return new Receiver(server, received, fail);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        Map<String, String> next(Duration wait) throws InterruptedException {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String subscription(String criteria, String endpoint) {
        return """
                {"resourceType":"Subscription","status":"requested","reason":"HIS 接收转诊","criteria":"%s",
                 "channel":{"type":"rest-hook","endpoint":"%s","header":["Authorization: Bearer his-secret"]}}"""
                .formatted(criteria, endpoint);
    }

    private String submit(ReferralFixture w) {
        var created = w.create("URGENT", true);
        return created.get("id").asString();
    }

    @Test
    void aMatchingReferralChangeIsNotifiedToTheRestHook_andOthersCannotSeeTheSubscription() throws Exception {
        var w = newWorld();
        var receiver = Receiver.start(0);
        try {
            var api = w.as("integrator");
            var created = api.postFhir("/fhir/Subscription", subscription("Task?owner=Organization/" + w.hospital
                    + "&status=requested", receiver.url()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            FhirValidation.assertValid(created.body());
            assertThat(created.json().get("status").asString()).isEqualTo("active");
            String id = created.json().get("id").asString();

            submit(w);
            var notified = receiver.next(Duration.ofSeconds(30));
            assertThat(notified).as("notification").isNotNull();
            assertThat(notified.get("subscription")).isEqualTo(id);
            assertThat(notified.get("auth")).isEqualTo("Bearer his-secret");
            assertThat(notified.get("event")).isNotBlank().isNotEqualTo("null");

            // the subscription is the integrator's: another account neither reads nor finds it
            assertThat(w.as(w.gp).getFhir("/fhir/Subscription/" + id).status()).isEqualTo(404);
            assertThat(w.as(w.gp).getFhir("/fhir/Subscription").body()).doesNotContain(id);
            var own = api.getFhir("/fhir/Subscription/" + id);
            assertThat(own.status()).isEqualTo(200);
            FhirValidation.assertValid(own.body());

            // off: no more notifications
            var off = api.putFhir("/fhir/Subscription/" + id, own.body().replace("\"active\"", "\"off\""),
                    "W/\"" + own.json().get("meta").get("versionId").asString() + "\"");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            assertThat(off.json().get("status").asString()).isEqualTo("off");
            submit(w);
            assertThat(receiver.next(Duration.ofSeconds(3))).isNull();
        } finally {
            receiver.server().stop(0);
        }
    }

    @Test
    void aFailingReceiverIsRetriedFromThePublicationRegistryUntilItAnswers() throws Exception {
        var w = newWorld();
        var receiver = Receiver.start(1);
        try {
            var api = w.as("integrator");
            var created = api.postFhir("/fhir/Subscription", subscription("ServiceRequest?performer=Organization/" + w.hospital,
                    receiver.url()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();

            submit(w);
            var first = receiver.next(Duration.ofSeconds(30));
            assertThat(first).as("first attempt").isNotNull();
            long deadline = System.currentTimeMillis() + 10_000;
            var failed = api.getFhir("/fhir/Subscription/" + id);
            while (!failed.json().has("error") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                failed = api.getFhir("/fhir/Subscription/" + id);
            }
            assertThat(failed.json().get("error").asString()).contains("500");
            assertThat(failed.json().get("status").asString()).isEqualTo("active");

            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
            var retried = receiver.next(Duration.ofSeconds(30));
            assertThat(retried).as("retry").isNotNull();
            assertThat(retried.get("event")).isEqualTo(first.get("event"));
            deadline = System.currentTimeMillis() + 10_000;
            var healed = api.getFhir("/fhir/Subscription/" + id);
            while (healed.json().has("error") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                healed = api.getFhir("/fhir/Subscription/" + id);
            }
            assertThat(healed.json().has("error")).isFalse();
        } finally {
            receiver.server().stop(0);
        }
    }

    @Test
    void criteriaOutsideTheCallersScopeOrUnsupportedAreRefused() {
        var w = newWorld();
        // the gp's account is its own centre's: it may not watch the hospital's Tasks
        var foreign = w.as(w.gp).postFhir("/fhir/Subscription", subscription("Task?owner=Organization/" + w.hospital,
                "http://127.0.0.1:9/hook"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        var own = w.as(w.gp).postFhir("/fhir/Subscription", subscription("Task?requester=Organization/" + w.primary,
                "http://127.0.0.1:9/hook"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        var unsupported = w.as("integrator").postFhir("/fhir/Subscription", subscription("Patient?name=x",
                "http://127.0.0.1:9/hook"));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().get("issue").get(0).get("expression").get(0).asString()).isEqualTo("Subscription.criteria");
        var badEndpoint = w.as("integrator").postFhir("/fhir/Subscription", subscription("Task?owner=Organization/" + w.hospital,
                "ftp://x"));
        assertThat(badEndpoint.status()).isEqualTo(400);
        assertThat(badEndpoint.json().get("issue").get(0).get("expression").get(0).asString())
                .isEqualTo("Subscription.channel.endpoint");
        // SSRF (decision 0140): the tests allow only 127.0.0.1 by name; loopback by another name, private and
        // metadata addresses are refused with an OperationOutcome naming the endpoint, and nothing is stored
        long before = w.as("integrator").getFhir("/fhir/Subscription").json().get("total").asLong();
        for (String internal : List.of("http://localhost:9/hook", "https://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/latest/meta-data/", "https://10.0.0.8/hook", "https://[::1]/hook")) {
            var refused = w.as("integrator").postFhir("/fhir/Subscription", subscription("Task?owner=Organization/" + w.hospital,
                    internal));
            assertThat(refused.status()).as(internal + " " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("issue").get(0).get("expression").get(0).asString())
                    .isEqualTo("Subscription.channel.endpoint");
        }
        assertThat(w.as("integrator").getFhir("/fhir/Subscription").json().get("total").asLong()).isEqualTo(before);
    }
}
