package org.medunion.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.DefinePackType;
import org.medunion.diagnostics.MovePacks;
import org.medunion.diagnostics.RecordBatch;
import org.medunion.diagnostics.RecordIndicator;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.medunion.registry.ConsortiumView;
import org.springframework.stereotype.Component;

/**
 * The demo sterilisation centres (SC-7): one per group (长宁 and both Nanning groups), run by the lead and serving the
 * other members, with pack types, batches of the last weeks, issues and returns — and in 长宁 an expired batch and a
 * batch recalled after its biological indicator failed, so the trace shows the members still holding its packs.
 */
@Component
class DemoSterilisation {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DiagnosticsBackfill diagnostics;
    private final Clock clock;

    DemoSterilisation(DiagnosticsBackfill diagnostics, Clock clock) {
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    /**
     * Registers the group's sterilisation centre and its log; {@code full} adds the expired and the recalled batch,
     * {@code first} (the demo gp's institution) receives the most packs, so its receipts show the recall.
     */
    CentreId seed(ConsortiumView group, UUID runner, String name, String prefix, boolean full, @Nullable UUID first) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> members = group.activeMembers(today).stream().map(m -> m.institutionId().value()).filter(m -> !m.equals(runner))
                .distinct().sorted(Comparator.comparing((UUID m) -> !m.equals(first))).toList();
        CentreId centre = diagnostics.registerCentre(new RegisterCentre(group.id().value(), runner, "STERILISATION", name, members,
                Map.of()), DemoDiagnostics.ADMIN);
        if (members.isEmpty()) {
            return centre;
        }
        String actor = DemoDiagnostics.CENTRE;
        UUID surgical = diagnostics.definePackType(new DefinePackType(centre.value(), "基础外科包", "STEAM", 14), actor);
        UUID dressing = diagnostics.definePackType(new DefinePackType(centre.value(), "换药包", "STEAM", 30), actor);
        UUID suture = diagnostics.definePackType(new DefinePackType(centre.value(), "缝合包", "STEAM", 14), actor);
        UUID scope = diagnostics.definePackType(new DefinePackType(centre.value(), "腔镜器械包", "LOW_TEMPERATURE_PLASMA", 180), actor);
        UUID one = members.get(0);
        UUID second = members.get(members.size() > 1 ? 1 : 0);
        UUID b1 = batch(centre, surgical, prefix, 10, 1, 40, "PASS");
        issue(b1, one, 12, 9);
        issue(b1, second, 8, 8);
        giveBack(b1, one, 10, "USED", 5);
        giveBack(b1, one, 1, "DAMAGED", 4);
        UUID b2 = batch(centre, dressing, prefix, 5, 2, 100, "PASS");
        issue(b2, one, 30, 4);
        issue(b2, second, 20, 4);
        giveBack(b2, second, 5, "UNUSED", 1);
        batch(centre, suture, prefix, 1, 1, 30, "PENDING");
        if (full) {
            UUID expired = batch(centre, surgical, prefix, 20, 1, 20, "PASS");
            issue(expired, one, 6, 18);
            giveBack(expired, one, 6, "USED", 12);
            UUID recalled = batch(centre, scope, prefix, 3, 1, 10, "PENDING");
            issue(recalled, one, 3, 2);
            issue(recalled, second, 2, 2);
            giveBack(recalled, second, 1, "USED", 1);
            // the spore test read two days later: failed, so the batch is recalled and the trace lists who holds its packs
            diagnostics.recordIndicator(recalled, new RecordIndicator(null, "FAIL"), actor);
        }
        return centre;
    }

    private UUID batch(CentreId centre, UUID packType, String prefix, int daysAgo, int cycle, int quantity, String biological) {
        Instant at = clock.instant().minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(2));
        String load = prefix + "-" + DAY.format(at.atZone(clock.getZone()).toLocalDate()) + "-" + String.format("%02d", cycle);
        return diagnostics.recordBatch(centre, new RecordBatch(packType, quantity, load, null, at, "PASS", biological),
                DemoDiagnostics.CENTRE);
    }

    private void issue(UUID batch, UUID member, int quantity, int daysAgo) {
        diagnostics.issue(new MovePacks(batch, member, quantity, null), DemoDiagnostics.CENTRE,
                clock.instant().minus(Duration.ofDays(daysAgo)));
    }

    private void giveBack(UUID batch, UUID member, int quantity, String condition, int daysAgo) {
        diagnostics.returnPacks(new MovePacks(batch, member, quantity, condition), DemoDiagnostics.CENTRE,
                clock.instant().minus(Duration.ofDays(daysAgo)));
    }
}
