package org.medunion.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingResult;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.SchedulingError;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * R-4 for booking: the Idempotency-Key's rule, the request hash, the stored first answer and its replay. Kept in one
 * class so that the shared Idempotency-Key mechanism can replace it in one step.
 */
@Component
class BookingIdempotency {

    private static final int MAX_KEY = 200;

    private final SchedulingStore store;
    private final AuditTrail audit;

    BookingIdempotency(SchedulingStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A checked key and the hash of the request it came with. */
    record Key(String value, String requestHash) {
    }

    /** The key of a booking request, null without one; 1 to 200 visible ASCII characters, else a 400. */
    Key key(String header, BookSlot command) {
        String key = header == null || header.isBlank() ? null : header.trim();
        if (key == null) {
            return null;
        }
        if (key.length() > MAX_KEY || !key.matches("[\\x21-\\x7e]+")) {
            throw new InvalidInputException("Idempotency-Key", SchedulingError.INVALID_IDEMPOTENCY_KEY);
        }
        return new Key(key, hash(command));
    }

    /** The first answer to this caller's key; the same key with another request is a 422. */
    Optional<BookingResult> replay(String caller, Key key) {
        return store.storedResponse(caller, key.value()).map(stored -> {
            if (!stored.requestHash().equals(key.requestHash())) {
                throw new IdempotencyKeyReusedException();
            }
            BookingView booking = BookingSnapshot.read(stored.body());
            // a replay hands out the booking (resident included) again: audited like the first answer
            audit.record(AuditAction.READ, "Booking", booking.id().toString(), booking.residentId().toString(),
                    "Idempotency-Key replay");
            return new BookingResult(booking, true);
        });
    }

    /** Keeps the first answer, in the booking's transaction. */
    void remember(String caller, Key key, BookingView booking, Instant now) {
        store.storeResponse(caller, key.value(), key.requestHash(), booking.id().value(), BookingSnapshot.write(booking), now);
    }

    private static String hash(BookSlot c) {
        String canonical = c.slotId() + "|" + c.scheduleId() + "|" + c.date() + "|" + c.residentId();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
