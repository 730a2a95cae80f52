package org.medunion.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * What a workflow aggregate (a referral, a consultation) did since it was read: the steps it recorded (who, when,
 * from which status to which) and the events it registered, in order, and the version it was read at. The
 * aggregate's store writes the steps and publishes the events in the caller's transaction, then calls
 * {@link #saved}; nothing is taken twice.
 *
 * @param <S> the recorded step (a transition view)
 * @param <E> the module's event type
 */
public final class PendingChanges<S, E> {

    private final List<S> steps = new ArrayList<>();
    private final List<E> events = new ArrayList<>();
    private long version;

    public PendingChanges(long version) {
        this.version = version;
    }

    public void step(S step) {
        steps.add(step);
    }

    public void event(E event) {
        events.add(event);
    }

    /** The steps since reading, oldest first. */
    public List<S> steps() {
        return List.copyOf(steps);
    }

    /** The events since reading, in the order they were registered. */
    public List<E> events() {
        return List.copyOf(events);
    }

    /** The version read (or last written). */
    public long version() {
        return version;
    }

    /** Written with {@code newVersion}: what was pending is done. */
    public void saved(long newVersion) {
        version = newVersion;
        steps.clear();
        events.clear();
    }
}
