package org.medunion.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hospital system consuming MedUnion's referral webhook, as R-2 asks of consumers: it applies each event
 * once, ignoring redeliveries by {@code eventId}.
 * <p>
 * {@link Mode#FLAKY} is the receiver under trouble during the burst: a third of the events (by event id) get
 * 503 without being applied (the consumer is "down" for them), the rest are applied and then answered only
 * after {@code hold} (a slow consumer). Requests still held when MedUnion is killed were applied but never
 * acknowledged, so they come again after the restart: the duplicates this receiver must ignore.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Mode {
        HEALTHY, FLAKY
    }

    /** One applied event: what the consumer did with it. */
    record Applied(UUID eventId, String type, UUID referralId) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final long holdMillis;
    private volatile Mode mode = Mode.HEALTHY;

    private final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Set<UUID> seen = ConcurrentHashMap.newKeySet();
    private final List<Applied> applied = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger duplicatesIgnored = new AtomicInteger();
    private final AtomicInteger holding = new AtomicInteger();

    WebhookReceiver(long holdMillis) throws IOException {
        this.holdMillis = holdMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            UUID eventId = UUID.fromString(body.get("eventId").asString());
            Mode now = mode;
            if (now == Mode.FLAKY && Math.floorMod(eventId.hashCode(), 3) == 0) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            deliveries.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
            if (seen.add(eventId)) {
                applied.add(new Applied(eventId, body.get("type").asString(),
                        UUID.fromString(body.get("referralId").asString())));
            } else {
                duplicatesIgnored.incrementAndGet();
            }
            if (now == Mode.FLAKY) {
                hold();
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException e) {
            // the sender died while we held its request: it will redeliver after its restart
        }
    }

    private void hold() {
        holding.incrementAndGet();
        try {
            Thread.sleep(holdMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.decrementAndGet();
        }
    }

    /** Requests applied but not yet answered (their publications cannot be complete). */
    int holding() {
        return holding.get();
    }

    /** Every delivery that reached the consumer (first ones and redeliveries). */
    int deliveries() {
        return deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Map<UUID, AtomicInteger> deliveriesById() {
        return deliveries;
    }

    List<Applied> applied() {
        return applied;
    }

    int refused() {
        return refused.get();
    }

    int duplicatesIgnored() {
        return duplicatesIgnored.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
