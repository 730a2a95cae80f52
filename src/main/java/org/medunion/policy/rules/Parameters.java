package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rule parameters: each rule's defaults (rules.md, the seeds' numbers) and the overrides a jurisdiction
 * recorded with a reason. For a subject in a district, a district override beats a city override, which
 * beats a province override, which beats the default.
 */
public final class Parameters {

    private final List<Override> overrides;

    public Parameters(List<Override> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    public static Parameters defaults() {
        return new Parameters(List.of());
    }

    public String value(Rule rule, String name, @Nullable String divisionCode) {
        Override best = null;
        for (Override o : overrides) {
            if (o.ruleId().equals(rule.id()) && o.parameter().equals(name) && Divisions.covers(o.jurisdiction(), divisionCode)
                    && (best == null || Divisions.depth(o.jurisdiction()) >= Divisions.depth(best.jurisdiction()))) {
                best = o;
            }
        }
        if (best != null) {
            return best.value();
        }
        String d = rule.defaults().get(name);
        if (d == null) {
            throw new IllegalArgumentException(rule.id() + " has no parameter " + name);
        }
        return d;
    }

    public int intValue(Rule rule, String name, @Nullable String divisionCode) {
        return Integer.parseInt(value(rule, name, divisionCode).strip());
    }

    public double decimal(Rule rule, String name, @Nullable String divisionCode) {
        String v = value(rule, name, divisionCode).strip();
        int slash = v.indexOf('/');
        return slash > 0 ? Double.parseDouble(v.substring(0, slash)) / Double.parseDouble(v.substring(slash + 1))
                : Double.parseDouble(v);
    }

    public List<String> list(Rule rule, String name, @Nullable String divisionCode) {
        return List.of(value(rule, name, divisionCode).split("\\s*,\\s*"));
    }

    public List<Override> overrides() {
        return overrides;
    }

    /** Whether a value is acceptable for a rule's parameter (same kind as the default). */
    public static boolean acceptable(Rule rule, String name, String value) {
        Map<String, String> d = rule.defaults();
        if (!d.containsKey(name) || value == null || value.isBlank()) {
            return false;
        }
        String def = d.get(name);
        try {
            if (def.matches("-?\\d+")) {
                return Integer.parseInt(value.strip()) >= 0;
            }
            if (def.matches("[0-9.]+(/[0-9.]+)?")) {
                int slash = value.indexOf('/');
                double x = slash > 0 ? Double.parseDouble(value.substring(0, slash)) / Double.parseDouble(value.substring(slash + 1))
                        : Double.parseDouble(value.strip());
                return x >= 0 && !Double.isInfinite(x) && !Double.isNaN(x);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One recorded override. */
    public record Override(String jurisdiction, String ruleId, String parameter, String value) {
    }
}
