package org.medunion.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Console pages answer a domain error (not found, out of scope, bad parameter) with the friendly error
 * page in the user's language and the matching status — never a stack trace. The modules' console
 * controllers opt in with {@link ConsolePage}; of the shell's own pages, the workspace cards.
 */
@ControllerAdvice(annotations = ConsolePage.class, assignableTypes = WorkspaceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorAdvice {

    private final ConsoleSupport support;

    ConsoleErrorAdvice(ConsoleSupport support) {
        this.support = support;
    }

    @ExceptionHandler(MedUnionException.class)
    String domain(MedUnionException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(e.status(), support.message(e), model, request, response);
    }

    /** A malformed path or query value (e.g. an ID that is no UUID) on a console page: 400 page, not JSON. */
    @ExceptionHandler(TypeMismatchException.class)
    String typeMismatch(TypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(400, support.text("error.request.wrongType", support.fieldLabel(e.getPropertyName())), model, request, response);
    }

    /** Exception handlers get no @ModelAttribute values: the header and the menu are added here. */
    private String page(int status, String detail, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        var me = support.current();
        model.addAttribute("me", me);
        if (me != null) {
            model.addAttribute("nav", ConsoleMenu.of(me.role(), request.getRequestURI().substring(request.getContextPath().length())));
        }
        return "error";
    }
}
