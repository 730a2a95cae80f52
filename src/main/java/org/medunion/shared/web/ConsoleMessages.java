package org.medunion.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A domain error as a console page shows it, in the caller's language. It lives in {@code shared} rather than in
 * the console shell because identity's own pages need it too, and the shell depends on identity (decision 0085).
 */
@Component
public class ConsoleMessages {

    private final MessageSource messages;

    ConsoleMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message of a domain error (key {@code error.<code>}, {0} = the field's label). */
    public String message(MedUnionException e) {
        Object[] args = new Object[e.arguments().size() + 1];
        args[0] = fieldLabel(e.field());
        for (int i = 0; i < e.arguments().size(); i++) {
            args[i + 1] = e.arguments().get(i);
        }
        return Objects.requireNonNull(messages.getMessage("error." + e.code(), args, e.code(), LocaleContextHolder.getLocale()),
                "a default message is given");
    }

    /** The form label of a field ({@code field.<name>} in the console bundle; indexes dropped), else its name. */
    public String fieldLabel(@Nullable String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        String last = field.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        return Objects.requireNonNull(messages.getMessage("field." + last, null, field, LocaleContextHolder.getLocale()),
                "a default message is given");
    }

    public String text(String key, Object... args) {
        return Objects.requireNonNull(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), "a default message is given");
    }

    /** A refused submission: the message next to its field, about the whole form, or with the blocking rules. */
    public FormFeedback feedback(MedUnionException e) {
        var f = new FormFeedback();
        if (e instanceof RuleViolationException rv) {
            f.violations(rv.violations());
            f.general(message(e));
        } else if (e.field() != null && !e.field().isBlank()) {
            // a form shows a list's errors under the list: medications[2].days is shown as medications.days
            f.field(e.field().replaceAll("\\[\\d+]", ""), message(e));
        } else {
            f.general(message(e));
        }
        return f;
    }

    /**
     * An uploaded table with its header made canonical: a cell naming a column by its label in either language
     * ({@code field.<column>}: 本地编码 / Local code) or by the column's own name becomes that name, any other lower-cased.
     */
    public List<List<String>> withColumns(List<List<String>> table, List<String> columns) {
        if (table.isEmpty()) {
            return table;
        }
        var rows = new ArrayList<List<String>>(table);
        rows.set(0, table.get(0).stream().map(cell -> column(cell, columns)).toList());
        return rows;
    }

    private String column(String cell, List<String> columns) {
        String n = cell.strip().replace("\uFEFF", "");
        for (String column : columns) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                if (n.equalsIgnoreCase(messages.getMessage("field." + column, null, column, locale))) {
                    return column;
                }
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
