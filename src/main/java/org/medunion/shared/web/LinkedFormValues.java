package org.medunion.shared.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A submitted form's values as typed (repeated fields such as ticked criteria or follow-up rows included),
 * so a refused form comes back exactly as the user left it.
 */
public final class LinkedFormValues {

    private final MultiValueMap<String, String> values;

    public LinkedFormValues(@Nullable MultiValueMap<String, String> values) {
        this.values = values == null ? new LinkedMultiValueMap<>() : new LinkedMultiValueMap<>(values);
    }

    public LinkedFormValues with(String name, @Nullable String value) {
        if (value != null) {
            values.put(name, List.of(value));
        }
        return this;
    }

    /** The first value, or null. */
    public @Nullable String get(String name) {
        return values.getFirst(name);
    }

    /** The value at a row of a repeated field, or null. */
    public @Nullable String at(String name, int index) {
        var all = all(name);
        return index < all.size() ? all.get(index) : null;
    }

    public List<String> all(String name) {
        var all = values.get(name);
        return all == null ? List.of() : all;
    }

    public boolean is(String name, String value) {
        return value != null && all(name).contains(value);
    }
}
