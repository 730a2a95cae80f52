package org.medunion.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;
import java.util.function.IntConsumer;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditRecord;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every request answered 401 or 403 — API, FHIR and console alike, whether the security filters, a
 * service's scope check or HAPI refused it. It sits outside Spring Security, so it notes who the caller was at the
 * moment the status is set (the security context is cleared by the time the response returns). Failed logins are
 * not denials; the identity module audits them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DeniedRequestAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DeniedRequestAudit.class);
    private static final Set<String> LOGIN_PATHS = Set.of("/api/auth/token", "/login");

    private final AuditTrail audit;
    private final CurrentUsers users;
    private final TransactionTemplate newTransaction;
    private final AuditAlerts alerts;

    DeniedRequestAudit(AuditTrail audit, CurrentUsers users, PlatformTransactionManager transactions, AuditAlerts alerts) {
        this.audit = audit;
        this.users = users;
        this.alerts = alerts;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN_PATHS.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new StatusWatch(response, status -> record(request, status)));
    }

    /**
     * Written when the status is set — the caller, the request context (address, claimed purpose) are still there,
     * and the client cannot have the answer before the row exists — in a transaction of its own, so a rolled-back
     * business transaction does not take the denial with it.
     */
    private void record(HttpServletRequest request, int status) {
        String path = request.getRequestURI();
        CurrentUser user = users.current().orElse(null);
        try {
            newTransaction.executeWithoutResult(s -> audit.record(AuditRecord.of(action(request.getMethod()), "Endpoint", path)
                    .detail(request.getMethod() + " " + path + " -> " + status)
                    .outcome(status == 401 ? AuditRecord.UNAUTHENTICATED : AuditRecord.DENIED)
                    .actor(user == null ? "anonymous" : user.username(), user == null ? null : user.role().name())
                    .from(request.getRemoteAddr())));
        } catch (RuntimeException e) {
            // the refusal itself must still go out; a failed audit write must surface in the logs, not vanish
            log.error("could not audit denied request {} {}", request.getMethod(), path, e);
            alerts.writeFailed(); // and on the auditor's workbench, where somebody whose job it is will see it
        }
    }

    static AuditAction action(String method) {
        return switch (method) {
            case "POST" -> AuditAction.CREATE;
            case "PUT", "PATCH" -> AuditAction.UPDATE;
            case "DELETE" -> AuditAction.DELETE;
            default -> AuditAction.READ;
        };
    }

    /** Reports the first 401/403 set on the response. */
    private static final class StatusWatch extends HttpServletResponseWrapper {

        private final IntConsumer denied;
        private boolean reported;

        StatusWatch(HttpServletResponse response, IntConsumer denied) {
            super(response);
            this.denied = denied;
        }

        private void note(int status) {
            if ((status == 401 || status == 403) && !reported) {
                reported = true;
                denied.accept(status);
            }
        }

        @Override
        public void setStatus(int sc) {
            note(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            note(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            note(sc);
            super.sendError(sc, msg);
        }
    }
}
