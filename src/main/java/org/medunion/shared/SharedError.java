package org.medunion.shared;

/** The errors the shared web plumbing answers by itself, before any module sees the request. */
public enum SharedError implements ErrorCode {

    /** The {@code Idempotency-Key} header breaks the one key rule (1 to 100 visible ASCII characters): 400. */
    IDEMPOTENCY_KEY_INVALID("SHARED-0001"),
    /** The key was already used by this caller for another request (other body, path or method): 422. */
    IDEMPOTENCY_KEY_REUSED("SHARED-0002"),
    /** A request with this key is still being processed: 409, retry later. */
    IDEMPOTENCY_KEY_IN_PROGRESS("SHARED-0003"),
    /** The stored first answer is about personal data the caller may no longer read (a care relationship ended). */
    IDEMPOTENCY_REPLAY_WITHHELD("SHARED-0004");

    private final String code;

    SharedError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
