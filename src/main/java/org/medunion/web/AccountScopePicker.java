package org.medunion.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.ScopeType;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.web.console.ConsoleNames;
import org.medunion.web.console.ScopeChoice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account form's scope picker (issue 18, "pickers, not IDs"): the security administrator types part of a
 * district, consortium or institution name and chooses it by name; the form sends the code or ID the scope
 * stores. Served under /console/accounts, so only the security administrator reaches it. Lives in the shell
 * because identity may not ask the registry (the registry depends on identity); the names come through
 * {@link ConsoleNames}.
 */
@Controller
@ConsolePage
class AccountScopePicker {

    /** Choices shown at once; typing narrows them. */
    static final int CHOICES = 50;

    private final ConsoleNames names;

    AccountScopePicker(ConsoleNames names) {
        this.names = names;
    }

    @GetMapping("/console/accounts/scopes")
    String choices(@RequestParam(required = false) @Nullable String scopeType,
                   @RequestParam(required = false) @Nullable String scopeQuery,
                   @RequestParam(required = false) @Nullable String scopeReference, Model model) {
        ScopeType type = FormValues.enumValue(ScopeType.class, "scopeType", scopeType);
        List<ScopeChoice> choices = new ArrayList<>(type == null ? List.of()
                : names.scopeChoices(type, scopeQuery == null ? "" : scopeQuery, CHOICES));
        String chosen = FormValues.blankToNull(scopeReference);
        // the form opens with the account's scope chosen even when it is not among the first choices; once the user
        // types, only matches are offered
        boolean typed = scopeQuery != null && !scopeQuery.isBlank();
        if (type != null && chosen != null && !typed && choices.stream().noneMatch(c -> c.reference().equals(chosen))) {
            nameOf(type, chosen).ifPresent(n -> choices.add(0, new ScopeChoice(chosen, n)));
        }
        model.addAttribute("choices", choices);
        model.addAttribute("chosen", chosen == null ? "" : chosen);
        model.addAttribute("global", type == ScopeType.GLOBAL);
        return "accounts/scope :: choices";
    }

    private Optional<String> nameOf(ScopeType type, String reference) {
        return switch (type) {
            case GLOBAL -> Optional.empty();
            case JURISDICTION -> names.district(reference);
            case CONSORTIUM, INSTITUTION -> uuid(reference).flatMap(id -> type == ScopeType.CONSORTIUM
                    ? names.consortium(id) : names.institution(id));
        };
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
