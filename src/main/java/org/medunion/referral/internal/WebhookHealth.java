package org.medunion.referral.internal;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the referral webhooks fare, for the integrator's workbench (issue 18): per receiver the last delivery and
 * the last failure since start, and from the event publication registry the deliveries still pending (failed
 * ones are retried, so a pending count that grows means a receiver is down).
 */
@Component
class WebhookHealth {

    /** One receiver: where (without query or credentials), the last success and the last failure with its cause. */
    record Receiver(String endpoint, @Nullable Instant lastDelivered, @Nullable Instant lastFailed, String lastError) {

        public boolean failing() {
            return lastFailed != null && (lastDelivered == null || lastFailed.isAfter(lastDelivered));
        }
    }

    /** Deliveries not yet completed, and the oldest of them. */
    record Pending(long count, @Nullable Instant oldest) {
    }

    private final Map<String, Receiver> receivers = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookHealth(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void delivered(String url) {
        receivers.compute(url, (u, r) -> new Receiver(endpoint(u), clock.instant(), r == null ? null : r.lastFailed(),
                r == null ? "" : r.lastError()));
    }

    void failed(String url, String error) {
        receivers.compute(url, (u, r) -> new Receiver(endpoint(u), r == null ? null : r.lastDelivered(), clock.instant(), error));
    }

    /** The configured receivers in their order, with what is known of each. */
    List<Receiver> receivers(List<String> urls) {
        return urls.stream().map(u -> receivers.getOrDefault(u, new Receiver(endpoint(u), null, null, ""))).toList();
    }

    /** Webhook deliveries the registry holds as incomplete (the listener is WebhookPublisher). */
    Pending pending() {
        return jdbc.sql("select count(*), min(publication_date) from event_publication where completion_date is null"
                + " and listener_id like ?")
                .param("%" + WebhookPublisher.class.getSimpleName() + "%")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Pending(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    /** Scheme, host, port and path: a query string or user info may carry the receiver's secret. */
    static String endpoint(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getPath() == null ? "" : u.getPath());
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
