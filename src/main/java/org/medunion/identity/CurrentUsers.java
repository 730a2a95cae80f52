package org.medunion.identity;

import java.util.Optional;

/** Who is calling. Implemented over Spring Security's context; the only way other modules learn the caller. */
public interface CurrentUsers {

    Optional<CurrentUser> current();

    /** The caller, or an authentication error if there is none. */
    CurrentUser require();
}
