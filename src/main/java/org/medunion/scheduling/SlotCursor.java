package org.medunion.scheduling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.medunion.shared.InvalidInputException;

/**
 * Where the next page of a slot search starts (keyset paging, issue 12): after the slot with this start, department
 * and id, in the search's (start, department, id) order. A page is read by an index range from there, so a deep page
 * costs what the first one does, and a slot booked or added meanwhile shifts nothing. Travels as an opaque token.
 */
public record SlotCursor(Instant start, String department, UUID id) {

    /** The cursor after this slot. */
    public static SlotCursor after(SlotView slot) {
        return new SlotCursor(slot.start(), slot.department(), slot.id().value());
    }

    /** URL-safe, not meant to be read: start in epoch microseconds, id and department. */
    public String token() {
        long micros = Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000L), start.getNano() / 1_000);
        String plain = micros + "|" + id + "|" + department;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a token stands for; a token not made by {@link #token()} is a 400 naming the parameter. */
    public static SlotCursor parse(String parameter, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            long micros = Long.parseLong(parts[0]);
            Instant start = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new SlotCursor(start, parts[2], UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException(parameter, SchedulingError.CURSOR_INVALID);
        }
    }
}
