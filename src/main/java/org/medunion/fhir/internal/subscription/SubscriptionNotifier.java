package org.medunion.fhir.internal.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.medunion.referral.ReferralEvent;
import org.medunion.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers R4 rest-hook notifications for referral changes from the Modulith event publication registry, the way
 * the webhooks are delivered (after commit, async, no database connection held during the HTTP call): each active
 * subscription whose criteria match is POSTed an empty notification (R4: no {@code channel.payload}) with its
 * headers and {@code X-MedUnion-Event-Id}. A failed delivery counts against the subscription (status error after
 * {@link #FAILURE_LIMIT} in a row) and throws, so the publication stays incomplete and {@link SubscriptionRetries}
 * resubmits it: at least once, duplicates recognisable by the event id. The subscriber then reads what changed
 * with its own token, so it sees only its own scope.
 */
@Component
class SubscriptionNotifier {

    static final int FAILURE_LIMIT = 5;
    private static final Logger log = LoggerFactory.getLogger(SubscriptionNotifier.class);

    private final SubscriptionStore store;
    private final Clock clock;
    private final SubscriptionEndpoints endpoints;
    // redirects are never followed: a public endpoint must not hand the request on to an internal one
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SubscriptionNotifier(SubscriptionStore store, Clock clock, SubscriptionEndpoints endpoints) {
        this.store = store;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    @Async
    @TransactionalEventListener
    void on(ReferralEvent event) {
        var watching = new LinkedHashMap<UUID, SubscriptionStore.Row>();
        for (UUID institution : SubscriptionCriteria.institutions(event)) {
            store.activeFor(institution).forEach(s -> watching.put(s.id(), s));
        }
        String failure = null;
        for (var subscription : watching.values()) {
            if (!subscription.parsed().matches(event)) {
                continue;
            }
            try {
                deliver(subscription, event);
                store.delivered(subscription.id(), clock.instant());
            } catch (RuntimeException e) {
                store.failed(subscription.id(), e.getMessage(), FAILURE_LIMIT, clock.instant());
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            throw new IllegalStateException("subscription delivery failed for " + event.number() + ": " + failure);
        }
    }

    private void deliver(SubscriptionStore.Row subscription, ReferralEvent event) {
        // the name may resolve elsewhere than when the subscription was made (DNS rebinding): checked again
        try {
            endpoints.recheck(subscription.endpoint());
        } catch (InvalidInputException e) {
            throw new IllegalStateException(subscription.endpoint() + " refused: " + e.code() + " " + e.arguments(), e);
        }
        var request = HttpRequest.newBuilder(URI.create(subscription.endpoint())).timeout(Duration.ofSeconds(10))
                .header("X-MedUnion-Event-Id", event.eventId().toString())
                .header("X-MedUnion-Subscription", subscription.id().toString())
                .POST(HttpRequest.BodyPublishers.noBody());
        if (subscription.header() != null) {
            for (String line : subscription.header().split("\n")) {
                int colon = line.indexOf(':');
                request.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(subscription.endpoint() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException(subscription.endpoint() + " answered " + status);
        }
        log.debug("subscription {} notified of {} {}", subscription.id(), event.getClass().getSimpleName(), event.number());
    }
}
