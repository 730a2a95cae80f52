package org.medunion.web;

import org.medunion.identity.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the role's workspace. */
@Controller
class HomeController {

    private final CurrentUsers users;

    HomeController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("user", users.require());
        return "home";
    }
}
