package org.medunion.scheduling;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Free slots as people choose them: by kind (expert, specialty, bed, exam…), then day, then department —
 * one group each, in that order, the earliest first inside a group. Used by every slot picker of the console.
 */
public final class SlotGroups {

    private SlotGroups() {
    }

    /** Groups keyed "kind · MM-dd weekday · department", with the kind named by {@code kindLabel}. */
    public static Map<String, List<SlotView>> byKindDayDepartment(List<SlotView> slots, ZoneId zone, Locale locale,
                                                                  Function<ScheduleKind, String> kindLabel) {
        var day = DateTimeFormatter.ofPattern("MM-dd E", locale).withZone(zone);
        Map<String, List<SlotView>> groups = new LinkedHashMap<>();
        slots.stream()
                .sorted(Comparator.comparing(SlotView::kind)
                        .thenComparing(s -> day.format(s.start()))
                        .thenComparing(s -> s.department() == null ? "" : s.department())
                        .thenComparing(SlotView::start))
                .forEach(s -> groups.computeIfAbsent(kindLabel.apply(s.kind()) + " · " + day.format(s.start()) + " · "
                        + (s.department() == null ? "" : s.department()), k -> new ArrayList<>()).add(s));
        return groups;
    }
}
