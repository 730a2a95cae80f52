package org.medunion.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.DistrictView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Helpers every console controller needs: form-value parsing, error messages, institution names, role checks. */
@Component
class ConsoleSupport {

    private final MessageSource messages;
    private final RegistryManagement registry;
    private final CurrentUsers users;

    ConsoleSupport(MessageSource messages, RegistryManagement registry, CurrentUsers users) {
        this.messages = messages;
        this.registry = registry;
        this.users = users;
    }

    CurrentUser current() {
        return users.current().orElse(null);
    }

    CurrentUser me() {
        return users.require();
    }

    boolean isPlanner() {
        var me = me();
        return me.role() == Role.PLANNER || me.role() == Role.ADMIN;
    }

    /** A consortium office may manage its own consortium; planners and administrators any in their scope. */
    boolean canManage(ConsortiumId id) {
        var me = me();
        return isPlanner() || me.role() == Role.OFFICE && me.scope().type() == ScopeType.CONSORTIUM
                && id.toString().equals(me.scope().reference());
    }

    /** The districts a user works in: inside a jurisdiction scope, else every district (not the cities). */
    List<DistrictView> districtsInScope() {
        var scope = me().scope();
        boolean byPlace = scope.type() == ScopeType.GLOBAL || scope.type() == ScopeType.JURISDICTION;
        return registry.districts().stream()
                .filter(d -> byPlace ? scope.coversDivision(d.code()) && (d.parentCode() != null || scope.type() == ScopeType.GLOBAL)
                        : d.parentCode() != null)
                .toList();
    }

    void requireRole(Role... roles) {
        if (!Arrays.asList(roles).contains(me().role())) {
            throw new ForbiddenException("auth.forbidden");
        }
    }

    /** The message of a domain error in the caller's language (key {@code error.<code>}, {0} = field). */
    String message(MedUnionException e) {
        Object[] args = new Object[e.arguments().size() + 1];
        args[0] = fieldLabel(e.field());
        for (int i = 0; i < e.arguments().size(); i++) {
            args[i + 1] = e.arguments().get(i);
        }
        return messages.getMessage("error." + e.code(), args, e.code(), LocaleContextHolder.getLocale());
    }

    /** The form label of a field ({@code field.<name>} in the console bundle; indexes dropped), else its name. */
    String fieldLabel(String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        String last = field.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        return messages.getMessage("field." + last, null, field, LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    FormFeedback feedback(MedUnionException e) {
        var f = new FormFeedback();
        if (e instanceof RuleViolationException rv) {
            f.violations(rv.violations());
            f.general(message(e));
        } else if (e.field() != null && !e.field().isBlank()) {
            f.field(e.field(), message(e));
        } else {
            f.general(message(e));
        }
        return f;
    }

    /**
     * Names of the institutions a page shows, whatever the caller's scope (an institution's name is no personal
     * data, and a referral's other side may lie outside it); one query for just these instead of the whole registry.
     */
    Map<java.util.UUID, String> institutionNames(Collection<java.util.UUID> ids) {
        Map<java.util.UUID, String> names = new HashMap<>();
        registry.institutionNames(ids.stream().filter(java.util.Objects::nonNull).map(InstitutionId::new).toList())
                .forEach((id, name) -> names.put(id.value(), name));
        return names;
    }

    /** Names of the given institutions as far as the caller may see them; unseen ones show a short ID. */
    Map<InstitutionId, String> names(Collection<InstitutionId> ids) {
        Map<InstitutionId, String> names = new HashMap<>();
        for (InstitutionId id : ids.stream().distinct().toList()) {
            String name;
            try {
                name = registry.institution(id).map(i -> i.name()).orElse(null);
            } catch (MedUnionException e) {
                name = null;
            }
            names.put(id, name != null ? name : id.toString().substring(0, 8));
        }
        return names;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "request.unknownValue", v,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "request.wrongType", v, "yyyy-MM-dd");
        }
    }

    static Integer integer(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "request.wrongType", v, "integer");
        }
    }

    static Double decimal(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "request.wrongType", v, "number");
        }
    }
}
