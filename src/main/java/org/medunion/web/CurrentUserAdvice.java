package org.medunion.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    @ModelAttribute("nav")
    ConsoleMenu.@Nullable View nav(HttpServletRequest request) {
        return users.current().map(u -> ConsoleMenu.of(u.role(),
                request.getRequestURI().substring(request.getContextPath().length()))).orElse(null);
    }
}
