package org.medunion.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API and FHIR chain. An account whose password was
 * reset must change it before it may do anything else.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of("/api/auth/password", "/api/auth/logout",
            "/api/auth/whoami");

    private final TokenService tokens;

    BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var session = tokens.resolve(header.substring(7).trim());
            if (session.isPresent()) {
                if (session.get().mustChangePassword() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(request.getRequestURI())) {
                    AuthProblems.write(response, request.getRequestURI(), 403, "passwordChangeRequired",
                            "Change the temporary password first: POST /api/auth/password");
                    return;
                }
                var authentication = (AbstractAuthenticationToken) AccountAuthenticator.authenticated(session.get().user());
                authentication.setDetails(session.get());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
