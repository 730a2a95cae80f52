package org.medunion.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow as data: (current status, action) → next status; any pair not in the table is illegal. The referral,
 * consultation and prescription workflows each declare their table with it, and their aggregates ask it before every
 * move (issue 11: one home for the transition logic the three workflows had copied).
 *
 * @param <S> the status enum
 * @param <A> the action enum
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

    private final Class<S> statuses;
    private final Map<S, Map<A, S>> table;

    private TransitionTable(Class<S> statuses, Class<A> actions) {
        this.statuses = statuses;
        this.table = new EnumMap<>(statuses);
        for (S s : statuses.getEnumConstants()) {
            table.put(s, new EnumMap<>(actions));
        }
    }

    /** An empty table for these statuses and actions; fill it with {@link #allow}. */
    public static <S extends Enum<S>, A extends Enum<A>> TransitionTable<S, A> of(Class<S> statuses, Class<A> actions) {
        return new TransitionTable<>(statuses, actions);
    }

    /** Declares one legal move; returns the table for the next declaration. */
    public TransitionTable<S, A> allow(S from, A action, S to) {
        moves(from).put(action, to);
        return this;
    }

    /** The next status, or empty when the action is illegal in this status. */
    public Optional<S> next(S current, A action) {
        return Optional.ofNullable(moves(current).get(action));
    }

    public boolean isLegal(S current, A action) {
        return next(current, action).isPresent();
    }

    /** The moves out of one status (every status has a map, filled in the constructor). */
    private Map<A, S> moves(S status) {
        return Objects.requireNonNull(table.get(status), "every status has its row");
    }

    /** The whole table, read-only (docs, tests, the console's buttons). */
    public Map<S, Map<A, S>> asMap() {
        Map<S, Map<A, S>> copy = new EnumMap<>(statuses);
        table.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}
