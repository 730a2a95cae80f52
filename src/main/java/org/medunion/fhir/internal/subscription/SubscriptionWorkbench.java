package org.medunion.fhir.internal.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.web.console.WorkbenchFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The integrator's card on the workbench: the health of its own FHIR subscriptions (rest-hook) — how many are
 * active, off or in error — and the ones whose deliveries fail, with the endpoint and the last error. Only the
 * caller's own subscriptions, as the FHIR search answers them; no resident data.
 */
@Component
class SubscriptionWorkbench implements WorkbenchFigures {

    /** Statuses in the order the card shows them (FHIR R4 Subscription.status). */
    static final List<String> STATUSES = List.of("active", "requested", "error", "off");

    private final JdbcClient jdbc;

    SubscriptionWorkbench(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription whose deliveries fail: where it delivers, the failures in a row and the last error. */
    record Failing(String endpoint, int failures, String error) {
    }

    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() != Role.INTEGRATOR) {
            return;
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        jdbc.sql("select status, count(*) from fhir_subscription where owner = ? group by status").param(me.username())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> byStatus.merge(e.getKey(), e.getValue(), Long::sum));
        model.addAttribute("subscriptionsByStatus", byStatus);
        model.addAttribute("subscriptionTotal", byStatus.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("failingSubscriptions", jdbc.sql("""
                select endpoint, failures, error from fhir_subscription
                where owner = ? and (status = 'error' or failures > 0) order by updated_at desc limit 5""")
                .param(me.username())
                .query((rs, n) -> new Failing(rs.getString(1), rs.getInt(2), rs.getString(3) == null ? "" : rs.getString(3)))
                .list());
    }
}
