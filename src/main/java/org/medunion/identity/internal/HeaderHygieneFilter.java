package org.medunion.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Drops headers that tell an attacker which product and version answer ({@code X-Powered-By}, set by the FHIR
 * server library). A wrapper rather than a removal afterwards, because the header is set before the body is
 * written and a committed response can no longer change.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HeaderHygieneFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {

            @Override
            public void setHeader(String name, String value) {
                if (!hidden(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!hidden(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    static boolean hidden(String name) {
        return "X-Powered-By".equalsIgnoreCase(name) || "Server".equalsIgnoreCase(name);
    }
}
