package org.medunion.pharmacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.pharmacy.PrescriptionMeasures;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PrescriptionMeasures} in one SQL pass over the windows: review steps and dispensing come from the transition
 * log, so a prescription counts as returned even after it was fixed and approved; the priority drugs are the
 * formulary's 基本药物 / 集采 / 谈判 codes from the drug-knowledge files.
 */
@Service
@Transactional(readOnly = true)
class PrescriptionMeasuresService implements PrescriptionMeasures {

    private static final String DECIDED = "('APPROVE', 'APPROVE_WITH_NOTE', 'RETURN')";
    private static final String APPROVED = "('APPROVE', 'APPROVE_WITH_NOTE')";
    private static final String DISPENSED = "('DISPENSE', 'DISPENSE_PARTIAL')";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<String> priorityDrugs;

    PrescriptionMeasuresService(JdbcClient jdbc, Clock clock, DrugKnowledge knowledge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.priorityDrugs = knowledge.drugs().stream().filter(d -> d.essential() || d.volumeProcurement() || d.negotiated())
                .map(FormularyDrugView::code).toList();
    }

    @Override
    public Set<UUID> renewedWithin(Map<UUID, Instant> received, int days) {
        if (received.isEmpty()) {
            return Set.of();
        }
        var first = new HashMap<UUID, Instant>();
        for (var chunk : chunks(List.copyOf(received.keySet()))) {
            jdbc.sql("select referral_id, min(submitted_at) first_at from pharmacy_prescription where status <> 'CANCELLED'"
                    + " and referral_id in (" + String.join(", ", chunk.stream().map(id -> "?").toList()) + ") group by referral_id")
                    .params(List.copyOf(chunk))
                    .query(rs -> {
                        first.put(rs.getObject("referral_id", UUID.class), rs.getTimestamp("first_at").toInstant());
                    });
        }
        return received.entrySet().stream().filter(e -> first.containsKey(e.getKey())
                && !first.get(e.getKey()).isAfter(e.getValue().plus(Duration.ofDays(days)))).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Alignment catalogueAlignment(Collection<UUID> institutions) {
        var items = catalogueEntries(institutions, Integer.MAX_VALUE);
        return new Alignment(items.size(), items.stream().filter(CatalogueEntry::mapped).count());
    }

    /** One row per catalogue item; the value and the record list are both read from here. */
    @Override
    public List<CatalogueEntry> catalogueEntries(Collection<UUID> institutions, int limit) {
        if (institutions.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>(institutions);
        params.add(Math.max(1, limit));
        return jdbc.sql("select institution_id, local_code, local_name, formulary_code from pharmacy_catalogue_item"
                + " where institution_id in (" + String.join(", ", institutions.stream().map(i -> "?").toList()) + ")"
                + " order by case when formulary_code is null then 0 else 1 end, institution_id, local_code limit ?")
                .params(params)
                .query((rs, n) -> new CatalogueEntry(rs.getObject("institution_id", UUID.class), rs.getString("local_code"),
                        rs.getString("local_name"), rs.getString("formulary_code")))
                .list();
    }

    @Override
    public ReviewQuality reviewQuality(InstitutionDays reviewer) {
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(List.of(reviewer), "p.reviewing_institution_id", "p.submitted_at", clock.getZone(), params);
        var minutes = new ArrayList<Long>();
        jdbc.sql("select p.submitted_at, (select min(t.at) from pharmacy_transition t where t.prescription_id = p.id and t.action in "
                + DECIDED + ") decided_at from pharmacy_prescription p where " + where)
                .params(params)
                .query(rs -> {
                    Timestamp decided = rs.getTimestamp("decided_at");
                    if (decided != null) {
                        minutes.add(Duration.between(rs.getTimestamp("submitted_at").toInstant(), decided.toInstant()).toMinutes());
                    }
                });
        minutes.sort(null);
        var rules = jdbc.sql("select f.rule_id, count(distinct p.id) flagged, count(distinct case when exists (select 1 from"
                + " pharmacy_transition t where t.prescription_id = p.id and t.action = 'RETURN') then p.id end) returned"
                + " from pharmacy_finding f join pharmacy_prescription p on p.id = f.prescription_id where " + where
                + " group by f.rule_id order by f.rule_id")
                .params(params)
                .query((rs, n) -> new RulePrecision(rs.getString("rule_id"), rs.getLong("flagged"), rs.getLong("returned"))).list();
        return new ReviewQuality(minutes.size(), percentile(minutes, 50), percentile(minutes, 90), rules);
    }

    /** The nearest-rank percentile of sorted values; null for none. */
    private static @Nullable Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** IN lists of at most 500 ids (PostgreSQL takes more, but the plans stay simple). */
    private static List<List<UUID>> chunks(List<UUID> ids) {
        var out = new ArrayList<List<UUID>>();
        for (int i = 0; i < ids.size(); i += 500) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return out;
    }

    /**
     * One row per prescription of the windows with a 0/1 column per count of {@link Counts}: {@link #counts} sums it and
     * {@link #prescriptionRecords} lists it, so a value and the records behind it cannot disagree. The priority drugs'
     * parameters come first, then the windows'.
     */
    private String perPrescription(List<InstitutionDays> windows, List<Object> params) {
        var windowParams = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "p.prescribing_institution_id", "p.submitted_at", clock.getZone(), windowParams);
        String priority = priorityDrugs.isEmpty() ? "1 = 0"
                : "i.drug_code in (" + String.join(", ", priorityDrugs.stream().map(c -> "?").toList()) + ")";
        params.addAll(priorityDrugs);
        params.addAll(windowParams);
        return """
                select p.number, p.prescribing_institution_id, p.reviewing_institution_id, p.submitted_at, p.status,
                  p.updated_at,
                  case when exists (select 1 from pharmacy_transition t where t.prescription_id = p.id
                      and t.action in %1$s) then 1 else 0 end reviewed,
                  case when exists (select 1 from pharmacy_transition t where t.prescription_id = p.id
                      and t.action = 'RETURN') then 1 else 0 end returned,
                  case when p.override_count > 0 then 1 else 0 end overridden,
                  case when p.status in ('DISPENSED', 'PARTIALLY_DISPENSED') then 1 else 0 end charged,
                  case when p.status in ('DISPENSED', 'PARTIALLY_DISPENSED') and exists (
                      select 1 from pharmacy_transition a where a.prescription_id = p.id and a.action in %2$s
                      and a.at <= (select min(d.at) from pharmacy_transition d where d.prescription_id = p.id
                                   and d.action in %3$s)) then 1 else 0 end approved_first,
                  case when p.beyond_normal then 1 else 0 end over_four_weeks,
                  case when p.beyond_normal and p.assessment_note is not null and p.patient_confirmed
                      then 1 else 0 end documented,
                  case when p.status <> 'CANCELLED' and p.long_eligible then 1 else 0 end eligible,
                  case when p.status <> 'CANCELLED' and p.long_eligible and p.long_prescription then 1 else 0 end
                      long_of_eligible,
                  case when p.status <> 'CANCELLED' then 1 else 0 end prescriptions,
                  case when p.status <> 'CANCELLED' and exists (select 1 from pharmacy_prescription_item i
                      where i.prescription_id = p.id and %4$s) then 1 else 0 end priority,
                  case when p.reviewing_institution_id <> p.prescribing_institution_id and exists (
                      select 1 from pharmacy_transition t where t.prescription_id = p.id and t.action in %1$s)
                      then 1 else 0 end elsewhere
                from pharmacy_prescription p where %5$s""".formatted(DECIDED, APPROVED, DISPENSED, priority, where);
    }

    @Override
    public Counts counts(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return Counts.NONE;
        }
        var params = new ArrayList<Object>();
        String rows = perPrescription(windows, params);
        return jdbc.sql("""
                select coalesce(sum(reviewed), 0) reviewed, coalesce(sum(returned), 0) returned,
                  coalesce(sum(overridden), 0) overridden, coalesce(sum(charged), 0) charged,
                  coalesce(sum(approved_first), 0) approved_first, coalesce(sum(over_four_weeks), 0) over_four_weeks,
                  coalesce(sum(documented), 0) documented, coalesce(sum(eligible), 0) eligible,
                  coalesce(sum(long_of_eligible), 0) long_of_eligible, coalesce(sum(prescriptions), 0) prescriptions,
                  coalesce(sum(priority), 0) priority, coalesce(sum(elsewhere), 0) elsewhere, max(updated_at) newest
                from (%s) x""".formatted(rows))
                .params(params)
                .query((rs, n) -> {
                    Timestamp newest = rs.getTimestamp("newest");
                    return new Counts(rs.getLong("reviewed"), rs.getLong("returned"), rs.getLong("overridden"), rs.getLong("charged"),
                            rs.getLong("approved_first"), rs.getLong("over_four_weeks"), rs.getLong("documented"),
                            rs.getLong("eligible"), rs.getLong("long_of_eligible"), rs.getLong("prescriptions"), rs.getLong("priority"),
                            rs.getLong("elsewhere"),
                            newest == null ? null : newest.toInstant());
                }).single();
    }

    @Override
    public List<CountedPrescription> prescriptionRecords(CountedPrescriptions which, List<InstitutionDays> windows, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String rows = perPrescription(windows, params);
        String column = switch (which) {
            case REVIEWED -> "reviewed";
            case RETURNED -> "returned";
            case CHARGED -> "charged";
            case OVER_FOUR_WEEKS -> "over_four_weeks";
        };
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("select * from (%s) x where x.%s = 1 order by x.submitted_at desc, x.number limit ?".formatted(rows, column))
                .params(params)
                .query((rs, n) -> new CountedPrescription(rs.getString("number"),
                        rs.getObject("prescribing_institution_id", UUID.class), rs.getObject("reviewing_institution_id", UUID.class),
                        rs.getTimestamp("submitted_at").toInstant(), PrescriptionStatus.valueOf(rs.getString("status")),
                        rs.getInt("reviewed") == 1, rs.getInt("returned") == 1, rs.getInt("overridden") == 1,
                        rs.getInt("charged") == 1, rs.getInt("approved_first") == 1, rs.getInt("over_four_weeks") == 1,
                        rs.getInt("documented") == 1, rs.getInt("elsewhere") == 1))
                .list();
    }
}
