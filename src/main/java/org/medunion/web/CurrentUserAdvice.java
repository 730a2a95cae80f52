package org.medunion.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** Every console page knows who is logged in (for the header) and the role's menu with the active entry. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final CurrentUsers users;

    CurrentUserAdvice(CurrentUsers users) {
        this.users = users;
    }

    @ModelAttribute("me")
    @Nullable
    CurrentUser me() {
        return users.current().orElse(null);
    }

    /** The menu only for pages: a REST or FHIR answer has no menu, and building it cost every API call its share. */
    @ModelAttribute("nav")
    ConsoleMenu.@Nullable View nav(HttpServletRequest request) {
        if (answersWithBody(request)) {
            return null;
        }
        return users.current().map(u -> ConsoleMenu.of(u.role(),
                request.getRequestURI().substring(request.getContextPath().length()))).orElse(null);
    }

    private static boolean answersWithBody(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }
}
