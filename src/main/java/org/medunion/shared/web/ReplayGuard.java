package org.medunion.shared.web;

/**
 * SPI: the module that owns a path whose stored first answers hold personal data says whether the caller may still
 * see such an answer when it would be replayed. A key proves that the caller sent the request, not that the caller
 * may still read what the answer is about: a care relationship may have ended since (issue 10).
 */
public interface ReplayGuard {

    /** False withholds the replay (403, nothing sent, nothing audited as read). */
    boolean permits(IdempotentReplay replay);
}
