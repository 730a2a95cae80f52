package org.medunion.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 with Retry-After: the anonymous authentication endpoints per source address (which honours
 * X-Forwarded-For only when forward headers are configured), every other API and FHIR call per bearer token.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final Set<String> AUTH_PATHS = Set.of("/api/auth/token", "/api/auth/refresh", "/api/auth/totp");

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        long wait;
        if (AUTH_PATHS.contains(request.getRequestURI())) {
            wait = limiter.authAttempt(request.getRemoteAddr());
        } else if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            wait = limiter.tokenCall(TokenService.hash(header.substring(7).trim()));
        } else {
            wait = 0;
        }
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            AuthProblems.write(response, request.getRequestURI(), 429, "rateLimited",
                    "Too many requests; retry after " + wait + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
