package org.medunion.shared.web;

/**
 * The authenticated principal as the shared web plumbing needs it: the account name that scopes an
 * {@code Idempotency-Key}. The identity module's {@code CurrentUser} implements it, so shared need not know identity.
 */
public interface CallerPrincipal {

    String username();
}
