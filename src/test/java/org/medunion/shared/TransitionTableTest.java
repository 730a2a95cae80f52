package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitionTableTest {

    enum Light {
        RED, GREEN, AMBER
    }

    enum Signal {
        GO, SLOW, STOP
    }

    private final TransitionTable<Light, Signal> table = TransitionTable.of(Light.class, Signal.class)
            .allow(Light.RED, Signal.GO, Light.GREEN)
            .allow(Light.GREEN, Signal.SLOW, Light.AMBER)
            .allow(Light.AMBER, Signal.STOP, Light.RED);

    @Test
    void declaredMovesAreLegalAndEveryOtherPairIsNot() {
        int legal = 0;
        for (Light l : Light.values()) {
            for (Signal s : Signal.values()) {
                if (table.isLegal(l, s)) {
                    legal++;
                }
            }
        }
        assertThat(legal).isEqualTo(3);
        assertThat(table.next(Light.RED, Signal.GO)).contains(Light.GREEN);
        assertThat(table.next(Light.RED, Signal.STOP)).isEmpty();
    }

    @Test
    void theMapViewListsEveryStatusAndCannotBeChanged() {
        var map = table.asMap();
        assertThat(map).containsOnlyKeys(Light.values());
        assertThat(map.get(Light.GREEN)).containsExactlyEntriesOf(java.util.Map.of(Signal.SLOW, Light.AMBER));
        var red = java.util.Objects.requireNonNull(map.get(Light.RED));
        assertThatThrownBy(() -> red.put(Signal.STOP, Light.RED)).isInstanceOf(UnsupportedOperationException.class);
    }
}
