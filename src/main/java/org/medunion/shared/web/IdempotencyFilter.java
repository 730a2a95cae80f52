package org.medunion.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.SharedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one {@code Idempotency-Key} mechanism (R-4, decision 0091) for every POST of the REST API and of FHIR.
 * A request with the header runs inside one transaction that the modules' {@code @Transactional} services join;
 * a 2xx answer (status, describing headers, body) is stored with the request's hash in that same transaction,
 * so the change and its answer commit together. Any other answer rolls back and stores nothing. A repeat with
 * the same key and the same request gets the stored answer ({@code Idempotent-Replayed: true}) and changes
 * nothing; with another request it is refused (422 {@code SHARED-0002}). Keys are per user: the primary key
 * (user, key) makes a concurrent duplicate fail at commit, and it then answers as the request that won; on one
 * instance a duplicate simply waits for the request holding its key.
 */
@Component
@Order(0) // after Spring Security's filter chain (order -100): the caller is known
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The one key rule: 1 to 100 visible ASCII characters (a UUID, a ULID, a prefixed counter, base64). */
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    /** Answers that carry credentials are never stored (tokens, temporary passwords). */
    private static final List<String> NEVER_STORED = List.of("/api/auth/", "/api/accounts");

    /** Headers that describe the body and go out again with it. */
    private static final List<String> DESCRIBING = List.of("Content-Type", "Content-Encoding", "Content-Language",
            "Location", "Content-Location", "ETag", "Last-Modified");

    /** How long a duplicate waits for the request holding its key on this instance. */
    private static final long WAIT_SECONDS = 30;

    private final ConcurrentHashMap<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();
    private final IdempotencyRecords records;
    private final TransactionTemplate tx;
    private final Problems problems;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ReplayGuard> guards;

    IdempotencyFilter(IdempotencyRecords records, PlatformTransactionManager transactions, Problems problems,
                      ApplicationEventPublisher events, ObjectProvider<ReplayGuard> guards) {
        this.records = records;
        this.tx = new TransactionTemplate(transactions);
        this.problems = problems;
        this.events = events;
        this.guards = guards;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !(path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/fhir"))
                || NEVER_STORED.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = username();
        if (user == null) {
            chain.doFilter(request, response); // nobody to scope the key to: security answers 401
            return;
        }
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, 400, SharedError.IDEMPOTENCY_KEY_INVALID, HEADER);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes(); // bounded by RequestSizeLimitFilter
        String slot = user + "\n" + key;
        var mine = new CountDownLatch(1);
        try {
            if (!awaitTurn(slot, mine)) {
                problems.write(request, response, 409, SharedError.IDEMPOTENCY_KEY_IN_PROGRESS, HEADER);
                return;
            }
            handle(new BufferedBodyRequest(request, body), response, chain, user, key, hash(request, body));
        } finally {
            inFlight.remove(slot, mine);
            mine.countDown();
        }
    }

    /**
     * Duplicates on this instance wait for the request holding the key, then find its answer; across instances
     * the primary key decides. False when the holder took too long.
     */
    private boolean awaitTurn(String slot, CountDownLatch mine) {
        CountDownLatch holder;
        while ((holder = inFlight.putIfAbsent(slot, mine)) != null) {
            try {
                if (!holder.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user,
                        String key, String hash)
            throws IOException, ServletException {
        Optional<StoredResponse> earlier = records.find(user, key);
        if (earlier.isPresent()) {
            replay(earlier.get(), hash, user, request, response);
            return;
        }
        var capture = new ContentCachingResponseWrapper(response);
        boolean stored;
        try {
            stored = runAndStore(request, capture, chain, user, key, hash);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // the same key committed by a request on another instance first: answer as it did
            log.debug("Idempotency-Key of {} not stored: {}", user, e.getMostSpecificCause().getMessage());
            stored = false;
        } catch (ChainFailure e) {
            throw e.unwrap();
        }
        if (!stored && !capture.isCommitted()) {
            Optional<StoredResponse> winner = records.find(user, key);
            if (winner.isPresent()) {
                capture.reset();
                replay(winner.get(), hash, user, request, response);
                return;
            }
            if (is2xx(capture.getStatus())) {
                capture.reset(); // rolled back, nobody committed: the client must not see the success
                problems.write(request, response, 409, SharedError.IDEMPOTENCY_KEY_IN_PROGRESS, HEADER);
                return;
            }
        }
        capture.copyBodyToResponse();
    }

    /** Runs the request in one transaction; true when its 2xx answer was stored with the change. */
    private boolean runAndStore(HttpServletRequest request, ContentCachingResponseWrapper capture, FilterChain chain,
                                String user, String key, String hash) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            try {
                chain.doFilter(request, capture);
            } catch (IOException | ServletException e) {
                throw new ChainFailure(e);
            }
            if (!is2xx(capture.getStatus())) {
                status.setRollbackOnly(); // a refused request leaves nothing behind, not even half a change
                return false;
            }
            String endpoint = request.getMethod() + " " + request.getRequestURI();
            records.insert(user, key, new StoredResponse(hash, endpoint.length() > 300 ? endpoint.substring(0, 300) : endpoint,
                    capture.getStatus(), describing(capture), capture.getContentAsByteArray()));
            return true;
        }));
    }

    private void replay(StoredResponse stored, String hash, String user, HttpServletRequest request,
                        HttpServletResponse response)
            throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, 422, SharedError.IDEMPOTENCY_KEY_REUSED, HEADER);
            return;
        }
        var replay = new IdempotentReplay(user, request.getMethod(), request.getRequestURI(),
                stored.headers().get("Content-Type"), stored.body());
        if (guards.orderedStream().anyMatch(g -> !g.permits(replay))) {
            problems.write(request, response, 403, SharedError.IDEMPOTENCY_REPLAY_WITHHELD, HEADER);
            return;
        }
        events.publishEvent(replay);
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> describing(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : DESCRIBING) {
            String value = name.equals("Content-Type") ? response.getContentType() : response.getHeader(name);
            if (value != null && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** SHA-256 of method, path, query and body: the same key with another request is a misuse. */
    static String hash(HttpServletRequest request, byte[] body) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }

    private static @Nullable String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getPrincipal() instanceof CallerPrincipal caller ? caller.username() : auth.getName();
    }

    /** Carries the chain's checked exceptions through the transaction callback. */
    private static final class ChainFailure extends RuntimeException {

        ChainFailure(Exception cause) {
            super(cause);
        }

        IOException unwrap() throws ServletException {
            if (getCause() instanceof ServletException se) {
                throw se;
            }
            return (IOException) Objects.requireNonNull(getCause(), "always constructed with its cause");
        }
    }
}
