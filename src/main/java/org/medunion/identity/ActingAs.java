package org.medunion.identity;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The system's own work (a module's backfill of earlier events, the demo city) run as the person who did it: for
 * the duration of one step {@code user} is the caller, so the modules read through (scoped, audited reads) and the
 * audit trail see that person in that role and scope; the context before is restored after, also on failure.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T run(CurrentUser user, Supplier<T> step) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
        SecurityContextHolder.setContext(context);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** The same for a step without a result (a background import job as its uploader, decision 0268). */
    public static void run(CurrentUser user, Runnable step) {
        run(user, () -> {
            step.run();
            return null;
        });
    }
}
