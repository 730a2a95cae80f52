package org.medunion.web.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsoleMessages;
import org.medunion.shared.web.FormFeedback;
import org.springframework.stereotype.Component;

/**
 * Helpers every console controller needs: who is calling, role checks, error messages and institution names.
 * Form-value parsing is {@link org.medunion.shared.web.FormValues}.
 */
@Component
public class ConsoleSupport {

    /** Times as the console shows them: to the minute, in the jurisdiction's zone. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ConsoleMessages messages;
    private final ConsoleNames names;
    private final CurrentUsers users;

    ConsoleSupport(ConsoleMessages messages, ConsoleNames names, CurrentUsers users) {
        this.messages = messages;
        this.names = names;
        this.users = users;
    }

    /** A time as every console page and export shows it ({@code ${@consoleFormat.instant(…)}} in templates); "" for none. */
    public static String minutes(@Nullable Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** The logged-in user, or null (error pages are shown to anonymous callers too). */
    public @Nullable CurrentUser current() {
        return users.current().orElse(null);
    }

    public CurrentUser me() {
        return users.require();
    }

    public boolean isPlanner() {
        var me = me();
        return me.role() == Role.PLANNER || me.role() == Role.ADMIN;
    }

    public void requireRole(Role... roles) {
        if (!Arrays.asList(roles).contains(me().role())) {
            throw new ForbiddenException("auth.forbidden");
        }
    }

    /** See {@link ConsoleMessages#message}. */
    public String message(MedUnionException e) {
        return messages.message(e);
    }

    /** See {@link ConsoleMessages#fieldLabel}. */
    public String fieldLabel(@Nullable String field) {
        return messages.fieldLabel(field);
    }

    public String text(String key, Object... args) {
        return messages.text(key, args);
    }

    /** See {@link ConsoleMessages#feedback}. */
    public FormFeedback feedback(MedUnionException e) {
        return messages.feedback(e);
    }

    /** See {@link ConsoleNames#institutions}. */
    public Map<UUID, String> institutionNames(Collection<UUID> ids) {
        return names.institutions(ids);
    }
}
