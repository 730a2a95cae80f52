package org.medunion.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.medunion.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** The console counterpart of the bearer filter's rule: a temporary password is changed before anything else. */
class PasswordChangeRedirectFilter extends OncePerRequestFilter {

    static final String PAGE = "/console/account/password";

    private final AccountStore accounts;

    PasswordChangeRedirectFilter(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user && !exempt(path)
                && accounts.find(user.username()).map(AccountStore.Account::mustChangePassword).orElse(false)) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean exempt(String path) {
        return path.equals(PAGE) || path.equals("/logout") || path.equals("/login") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }
}
