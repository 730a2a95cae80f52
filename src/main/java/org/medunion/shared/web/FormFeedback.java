package org.medunion.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.RuleViolationException;

/**
 * What a console form shows after a refused submission: messages next to the fields they concern,
 * messages about the whole form, and the policy rules that blocked the change (rule ID, clause, objects).
 */
public final class FormFeedback {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private final List<RuleViolationException.Violation> violations = new ArrayList<>();

    void field(String field, String message) {
        fields.putIfAbsent(field, message);
    }

    void general(String message) {
        general.add(message);
    }

    void violations(List<RuleViolationException.Violation> list) {
        violations.addAll(list);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public @Nullable String get(String field) {
        return fields.get(field);
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public List<String> getGeneral() {
        return general;
    }

    public List<RuleViolationException.Violation> getViolations() {
        return violations;
    }

    public boolean isBlocked() {
        return !violations.isEmpty();
    }
}
