package org.medunion.referral.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medunion.referral.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Externalises referral events to hospital systems: POSTs each event as JSON to every URL in
 * {@code medunion.webhooks.referral} (comma-separated, empty by default). Runs after commit from the
 * Modulith event publication registry: a failed POST throws, leaving the publication incomplete, and it is
 * republished on restart — delivery is at least once, and the payload's {@code eventId} lets consumers
 * ignore duplicates.
 * <p>
 * Async after commit, but deliberately not {@code @ApplicationModuleListener}: that one opens a new
 * transaction, which takes a pooled database connection for the whole HTTP call — a slow or unreachable
 * receiver would then hold one connection per executor thread and starve the request threads. The
 * registry marks publications completed or failed in transactions of its own.
 */
@Component
class WebhookPublisher {

    private static final Logger log = LoggerFactory.getLogger(WebhookPublisher.class);

    private final ReferralSettings settings;
    private final JsonMapper json;
    private final WebhookHealth health;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookPublisher(ReferralSettings settings, JsonMapper json, WebhookHealth health) {
        this.settings = settings;
        this.json = json;
        this.health = health;
    }

    @Async
    @TransactionalEventListener
    void on(ReferralEvent event) {
        if (settings.webhooks().isEmpty()) {
            return;
        }
        String body = payload(event);
        for (String url : settings.webhooks()) {
            int status;
            try {
                var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-MedUnion-Event", event.getClass().getSimpleName())
                        .header("X-MedUnion-Event-Id", event.eventId().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                health.failed(url, "unreachable: " + e.getClass().getSimpleName());
                throw new IllegalStateException("webhook " + url + " unreachable for " + event.number(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (status < 200 || status >= 300) {
                health.failed(url, "HTTP " + status);
                throw new IllegalStateException("webhook " + url + " answered " + status + " for " + event.number());
            }
            health.delivered(url);
            log.debug("webhook {} took {} {}", url, event.getClass().getSimpleName(), event.number());
        }
    }

    String payload(ReferralEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", event.eventId());
        body.put("type", event.getClass().getSimpleName());
        body.put("referralId", event.referralId().value());
        body.put("number", event.number());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("event", event);
        return json.writeValueAsString(body);
    }
}
