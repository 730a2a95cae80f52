package org.medunion.web;

import jakarta.servlet.http.HttpServletResponse;
import org.medunion.shared.MedUnionException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Console pages answer a domain error (not found, out of scope, bad parameter) with the friendly error
 * page in the user's language and the matching status — never a stack trace.
 */
@ControllerAdvice(assignableTypes = {WorkspaceController.class, InstitutionController.class, ConsortiumController.class,
        GridController.class, DispatchController.class, ChangeReportController.class, AuditController.class,
        ReferralFormController.class, ReferralDetailController.class, FollowUpConsoleController.class,
        CriteriaConsoleController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorAdvice {

    private final ConsoleSupport support;

    ConsoleErrorAdvice(ConsoleSupport support) {
        this.support = support;
    }

    @ExceptionHandler(MedUnionException.class)
    String domain(MedUnionException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("detail", support.message(e));
        model.addAttribute("me", support.current());
        return "error";
    }

    /** A malformed path or query value (e.g. an ID that is no UUID) on a console page: 400 page, not JSON. */
    @ExceptionHandler(TypeMismatchException.class)
    String typeMismatch(TypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("detail", support.text("error.request.wrongType", support.fieldLabel(e.getPropertyName())));
        model.addAttribute("me", support.current());
        return "error";
    }
}
