package org.medunion.shared;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Loading an object for a caller, the way every module answers (issue 10): one the caller may not see gets the
 * same 404 as one that does not exist, so a guessed or foreign ID tells nothing; one the caller sees but may not
 * act on is a 403 naming the action.
 */
public final class ScopedLookup {

    private ScopedLookup() {
    }

    /** The object when it exists and the caller sees it; otherwise 404 naming {@code kind} and {@code id}. */
    public static <T> T visible(Optional<T> found, Predicate<T> canSee, String kind, Object id) {
        return found.filter(canSee).orElseThrow(() -> new NotFoundException(kind, id));
    }

    /** The (visible) object when the caller may take {@code action} on it; otherwise 403 with {@code code}. */
    public static <T> T actable(T object, Predicate<T> mayAct, ErrorCode code, String action) {
        if (!mayAct.test(object)) {
            throw new ForbiddenException(code, action);
        }
        return object;
    }
}
