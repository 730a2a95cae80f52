package org.medunion.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Maps the modules' errors to OperationOutcome with the HTTP status the REST API would give and
 * {@code issue.expression} naming the element, so FHIR clients see the same field and rule.
 */
@Component
@Interceptor
public class OperationOutcomeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OperationOutcomeInterceptor.class);

    private final FhirMessages messages;

    OperationOutcomeInterceptor(FhirMessages messages) {
        this.messages = messages;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public @Nullable BaseServerResponseException translate(@Nullable RequestDetails details, Throwable error, HttpServletRequest request,
                                                           HttpServletResponse response) {
        // HAPI wraps what a provider throws (InternalErrorException → InvocationTargetException → cause):
        // look through the whole chain for the module error before falling back to HAPI's own outcome.
        Throwable t = error;
        int depth = 0;
        while (t != null && !(t instanceof MedUnionException) && !(t instanceof AccessDeniedException) && depth++ < 20) {
            t = t.getCause() == t ? null : t.getCause();
        }
        if (t == null && request != null && request.getParameter(Constants.PARAM_PAGINGACTION) != null) {
            // no search is ever stored (Pages): a _getpages link, forged or from another server, names nothing
            return outcome(404, OperationOutcome.IssueType.NOTFOUND,
                    message("fhir.pagingLink", Constants.PARAM_PAGINGACTION), Constants.PARAM_PAGINGACTION, "fhir.pagingLink");
        }
        if (t == null) {
            if (!(error instanceof BaseServerResponseException bsre) || bsre.getStatusCode() >= 500) {
                log.error("unexpected FHIR error on {}", details == null ? "?" : details.getCompleteUrl(), error);
            }
            return null;
        }
        if (t instanceof AccessDeniedException) {
            return outcome(403, OperationOutcome.IssueType.FORBIDDEN, message("auth.forbidden", null), null, null);
        }
        if (t instanceof MedUnionException e) {
            String field = e.field();
            if (Base64Paths.CODE.equals(e.code()) && details != null) {
                field = Base64Paths.locate(details.loadRequestContents()).orElse(field);
            }
            var outcome = outcome(e.status(), issueType(e.status()), message(e.code(), field, e.arguments().toArray()),
                    field, e.code());
            if (e instanceof RuleViolationException rv) {
                var oo = (OperationOutcome) outcome.getOperationOutcome();
                oo.getIssue().clear();
                for (var v : rv.violations()) {
                    var issue = oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                            .setCode(OperationOutcome.IssueType.BUSINESSRULE)
                            .setDiagnostics(v.ruleId() + ": " + v.message() + " — " + v.clause() + " " + v.objects());
                    issue.getDetails().addCoding().setSystem("https://medunion.example/fhir/CodeSystem/rule").setCode(v.ruleId());
                    if (v.field() != null) {
                        issue.addExpression(v.field());
                    }
                }
            }
            return outcome;
        }
        return null;
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 422 -> OperationOutcome.IssueType.BUSINESSRULE;
            default -> OperationOutcome.IssueType.INVALID;
        };
    }

    static UnclassifiedServerFailureException outcome(int status, OperationOutcome.IssueType type, String message,
                                                      @Nullable String field, @Nullable String code) {
        var oo = new OperationOutcome();
        var issue = oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        if (code != null) {
            issue.getDetails().addCoding().setSystem("https://medunion.example/fhir/CodeSystem/error").setCode(code);
            issue.getDetails().setText(message);
        }
        if (field != null) {
            issue.addExpression(field);
        }
        return new UnclassifiedServerFailureException(status, message, oo);
    }

    private String message(String code, @Nullable String field, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] withField = new Object[args.length + 1];
        withField[0] = field == null ? "" : field;
        System.arraycopy(args, 0, withField, 1, args.length);
        return messages.get("error." + code, locale, withField);
    }
}
