package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IndicatorsError;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.IngestReport.RowError;
import org.medunion.policy.EvidenceChanged;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.shared.ForbiddenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates a batch of encounter records, writes them (new, corrected or unchanged by institution and source record
 * id) and recomputes the day rollup of every (institution, day) touched — old and new day of a correction — in the
 * same transaction. All-or-nothing: one rejected row and nothing is written.
 */
@Component
class EncounterIngest {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RegistryDirectory registry;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final EncounterPartitions partitions;
    private final DayRollups rollups;
    private final EncounterWriter writer;

    EncounterIngest(JdbcClient jdbc, JdbcTemplate template, RegistryDirectory registry, Clock clock,
                    ApplicationEventPublisher events, EncounterPartitions partitions) {
        this.events = events;
        this.partitions = partitions;
        this.rollups = new DayRollups(template);
        this.writer = new EncounterWriter(template, partitions.partitioned());
        this.jdbc = jdbc;
        this.template = template;
        this.registry = registry;
        this.clock = clock;
    }

    /** The facts of one record as stored. */
    record Fact(UUID institution, String source, EncounterKind kind, Instant occurredAt, LocalDate day,
                @Nullable Instant admittedAt, int bedDays, int operations, int level4,
                @Nullable BigDecimal drgWeight, @Nullable String drgGroup, @Nullable String diagnosis,
                @Nullable UUID resident) {

        boolean sameAs(Fact o) {
            return kind == o.kind && occurredAt.equals(o.occurredAt) && Objects.equals(admittedAt, o.admittedAt)
                    && bedDays == o.bedDays && operations == o.operations && level4 == o.level4
                    && (drgWeight == null ? o.drgWeight == null : o.drgWeight != null && drgWeight.compareTo(o.drgWeight) == 0)
                    && Objects.equals(drgGroup, o.drgGroup) && Objects.equals(diagnosis, o.diagnosis)
                    && Objects.equals(resident, o.resident);
        }
    }

    private record Existing(UUID id, int revision, Fact fact) {
    }

    /** The records that passed every check with their row numbers, and the reasons of the others. */
    record Checked(List<Fact> facts, List<Integer> rows, List<RowError> errors,
                   Map<UUID, Optional<InstitutionView>> institutions, @Nullable NewRows ahead) {
    }

    /** The stored rows and COPY text of a chunk's facts as new records, built before the chunk is written. */
    record NewRows(List<Object[]> rows, String copy) {
    }

    /**
     * An import job's checks carried from one chunk of its file to the next (decision 0271): the sources seen, so a
     * source record id twice in the file is a {@code duplicate} wherever the chunks fall, and the institutions looked up.
     */
    static final class FileChecks {

        private final CurrentUser caller;
        private final Set<String> seen = new HashSet<>();
        private final Map<UUID, Optional<InstitutionView>> institutions = new HashMap<>();

        FileChecks(CurrentUser caller) {
            this.caller = caller;
        }
    }

    /** Row numbers start at {@code firstRow}; earlier parse errors (by row) are merged in before any write. */
    @Transactional
    IngestReport ingest(CurrentUser caller, List<EncounterRecord> records, List<Integer> rowNumbers, List<RowError> parseErrors) {
        Instant now = clock.instant();
        Checked checked = check(caller, records, rowNumbers, now, new HashSet<>(), new HashMap<>());
        var errors = new ArrayList<>(parseErrors);
        errors.addAll(checked.errors());
        int rows = records.size() + (int) parseErrors.stream().map(RowError::row).distinct().count();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return new IngestReport(IndicatorsError.ROWS_REJECTED.code(), rows, 0, 0, 0, 0, errors);
        }
        return write(checked.facts(), checked.institutions(), now, true, null);
    }

    /**
     * A chunk of an import job's file checked as {@link #ingest} checks a batch, over the whole file: a source an earlier
     * chunk named is a duplicate here. Nothing is written; {@link #write(CurrentUser, Checked)} writes what passed.
     */
    Checked check(FileChecks file, List<EncounterRecord> records, List<Integer> rowNumbers) {
        var checked = check(file.caller, records, rowNumbers, clock.instant(), file.seen, file.institutions);
        // the rows as new records, the usual case, built here (on the preparing thread) rather than in the write
        Instant now = clock.instant();
        var rows = checked.facts().stream().map(f -> newRow(f, now)).toList();
        return new Checked(checked.facts(), checked.rows(), checked.errors(), checked.institutions(),
                new NewRows(rows, writer.copies() ? EncounterWriter.copyText(rows) : ""));
    }

    /**
     * Writes the facts {@link #check(FileChecks, List, List)} passed, all or nothing. The registry is asked once more for
     * each of their institutions, as the checks may be minutes old: a right lost meanwhile refuses the chunk (403), an
     * institution gone rejects its rows and nothing is written. The policy module is not told: the job {@link #announce}s
     * once.
     */
    @Transactional
    IngestReport write(CurrentUser caller, Checked checked) {
        var institutions = new HashMap<UUID, Optional<InstitutionView>>();
        var errors = new ArrayList<RowError>();
        for (int i = 0; i < checked.facts().size(); i++) {
            UUID inst = checked.facts().get(i).institution();
            var view = institutions.computeIfAbsent(inst, id -> registry.institutionEntry(new InstitutionId(id)));
            maySubmit(caller, inst, view.orElse(null));
            if (view.isEmpty()) {
                errors.add(new RowError(checked.rows().get(i), "institutionId", "unknown"));
            }
        }
        if (!errors.isEmpty()) {
            return new IngestReport(IndicatorsError.ROWS_REJECTED.code(), checked.facts().size(), 0, 0, 0, 0, errors);
        }
        return write(checked.facts(), institutions, clock.instant(), false, checked.ahead());
    }

    /**
     * Tells the policy module that the encounter evidence changed (NN-9 is judged from the day sums), in the caller's
     * transaction: an import job does so once, after its chunks, not after each (decision 0271).
     */
    void announce() {
        events.publishEvent(new EvidenceChanged("indicators"));
    }

    /** 403 {@code INDICATORS-0002} unless the caller may submit encounters of every one of the institutions. */
    void maySubmitAll(CurrentUser caller, Collection<UUID> institutions) {
        for (UUID inst : institutions) {
            maySubmit(caller, inst, registry.institutionEntry(new InstitutionId(inst)).orElse(null));
        }
    }

    private Checked check(CurrentUser caller, List<EncounterRecord> records, List<Integer> rowNumbers, Instant now,
                          Set<String> seen, Map<UUID, Optional<InstitutionView>> institutions) {
        var errors = new ArrayList<RowError>();
        var facts = new ArrayList<Fact>();
        var rows = new ArrayList<Integer>();
        for (int i = 0; i < records.size(); i++) {
            EncounterRecord r = records.get(i);
            int row = rowNumbers.get(i);
            UUID inst = r.institution().value();
            InstitutionView view = institutions.computeIfAbsent(inst,
                    id -> registry.institutionEntry(new InstitutionId(id))).orElse(null);
            maySubmit(caller, inst, view);
            int before = errors.size();
            if (view == null) {
                errors.add(new RowError(row, "institutionId", "unknown"));
            }
            if (!EncounterRowRules.sourceId(r.sourceRecordId())) {
                errors.add(new RowError(row, "sourceRecordId", "format"));
            } else if (!seen.add(inst + "|" + r.sourceRecordId())) {
                errors.add(new RowError(row, "sourceRecordId", "duplicate"));
            }
            if (r.occurredAt().isAfter(now)) {
                errors.add(new RowError(row, "occurredAt", "range"));
            }
            EncounterRowRules.check(r, row, errors);
            if (errors.size() == before) {
                facts.add(fact(r));
                rows.add(row);
            }
        }
        return new Checked(facts, rows, errors, institutions, null);
    }

    /** The institution's own users, or the integrator of a jurisdiction covering it; else 403 for the whole batch. */
    private static void maySubmit(CurrentUser caller, UUID institution, @Nullable InstitutionView view) {
        var scope = caller.scope();
        boolean own = scope.type() == ScopeType.INSTITUTION && institution.equals(scope.referenceId())
                && caller.role() != Role.AUDITOR && caller.role() != Role.SECURITY_ADMIN;
        boolean integrator = caller.role() == Role.INTEGRATOR && (view == null
                ? scope.type() == ScopeType.JURISDICTION || scope.type() == ScopeType.GLOBAL
                : scope.coversDivision(view.districtCode()));
        if (!own && !integrator) {
            throw new ForbiddenException(IndicatorsError.NOT_SUBMITTER, institution);
        }
    }

    static Fact fact(EncounterRecord r) {
        int bedDays = 0;
        if (r.kind() == EncounterKind.INPATIENT && r.admittedAt() != null) {
            long days = ChronoUnit.DAYS.between(local(r.admittedAt()), local(r.occurredAt()));
            bedDays = (int) Math.max(1, days);
        }
        int level4 = (int) r.operationLevels().stream().filter(l -> l == 4).count();
        return new Fact(r.institution().value(), r.sourceRecordId(), r.kind(), r.occurredAt(), local(r.occurredAt()),
                r.admittedAt(), bedDays, r.operationLevels().size(), level4,
                r.drgWeight() == null ? null : r.drgWeight().stripTrailingZeros(), r.drgGroup(), r.principalDiagnosis(),
                r.resident() == null ? null : r.resident().value());
    }

    static LocalDate local(Instant t) {
        return t.atZone(EncounterParsing.ZONE).toLocalDate();
    }

    /** {@code ahead}: the facts' rows as new records, used when none of them is stored yet. */
    private IngestReport write(List<Fact> facts, Map<UUID, Optional<InstitutionView>> institutions, Instant now, boolean announce,
                               @Nullable NewRows ahead) {
        // before the facts are read: the partitions are created outside this transaction, which must hold no lock on them
        partitions.ensure(facts.stream().map(Fact::day).toList());
        Map<String, Existing> existing = existing(facts);
        NewRows built = existing.isEmpty() ? ahead : null;
        var inserts = new ArrayList<Object[]>();
        var inserted = new ArrayList<Fact>();
        var updates = new ArrayList<Object[]>();
        Set<DayKey> corrected = new LinkedHashSet<>();
        int unchanged = 0;
        for (Fact f : facts) {
            Existing old = existing.get(f.institution() + "|" + f.source());
            if (old == null) {
                if (built == null) {
                    inserts.add(newRow(f, now));
                }
                inserted.add(f);
            } else if (old.fact().sameAs(f)) {
                unchanged++;
            } else {
                updates.add(new Object[] {f.kind().name(), ts(f.occurredAt()), f.day(), ts(f.admittedAt()), f.bedDays(),
                        f.operations(), f.level4(), f.drgWeight(), f.drgGroup(), f.diagnosis(), f.resident(),
                        old.revision() + 1, ts(now),
                        old.id()});
                corrected.add(new DayKey(f.institution(), old.fact().day()));
                corrected.add(new DayKey(f.institution(), f.day()));
            }
        }
        Map<UUID, Boolean> primary = new HashMap<>();
        institutions.forEach((id, v) -> primary.put(id, v.map(InstitutionView::isPrimary).orElse(false)));
        Map<DayKey, DayDeltas.Delta> added = added(inserted, corrected, primary);
        if (built != null) {
            writer.insert(built.rows(), built.copy());
        } else {
            writer.insert(inserts, null);
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("""
                    update indicators_encounter set kind = ?, occurred_at = ?, local_day = ?, admitted_at = ?, bed_days = ?,
                        operations = ?, level4_operations = ?, drg_weight = ?, drg_group = ?, principal_diagnosis = ?, resident_id = ?,
                        revision = ?, received_at = ?
                    where id = ?""", updates);
        }
        rollups.refresh(byDay(corrected, primary), added.values(), now);
        if (announce && (!inserted.isEmpty() || !updates.isEmpty())) {
            announce();
        }
        return new IngestReport(null, facts.size(), inserted.size(), updates.size(), unchanged, corrected.size() + added.size(),
                List.of());
    }

    /** The stored row of a new record: the values of {@link EncounterWriter#COLUMNS} in order. */
    private static Object[] newRow(Fact f, Instant now) {
        return new Object[] {UUID.randomUUID(), f.institution(), f.source(), f.kind().name(), ts(f.occurredAt()), f.day(),
                ts(f.admittedAt()), f.bedDays(), f.operations(), f.level4(), f.drgWeight(), f.drgGroup(), f.diagnosis(),
                f.resident(), 1, ts(now)};
    }

    /**
     * The sums the new facts add to their days (decision 0270); a day a correction also touches is rewritten from its
     * facts instead, new ones included.
     */
    private static Map<DayKey, DayDeltas.Delta> added(List<Fact> inserted, Set<DayKey> corrected, Map<UUID, Boolean> primary) {
        var out = new LinkedHashMap<DayKey, DayDeltas.Delta>();
        for (Fact f : inserted) {
            var key = new DayKey(f.institution(), f.day());
            if (!corrected.contains(key)) {
                var delta = out.computeIfAbsent(key, k -> new DayDeltas.Delta(k.institution(), k.day(),
                        primary.getOrDefault(k.institution(), false)));
                delta.add(f.kind(), f.bedDays(), f.operations(), f.level4(), f.drgWeight());
            }
        }
        return out;
    }

    record DayKey(UUID institution, LocalDate day) {
    }

    private static TreeMap<LocalDate, Map<UUID, Boolean>> byDay(Set<DayKey> days, Map<UUID, Boolean> primary) {
        var byDay = new TreeMap<LocalDate, Map<UUID, Boolean>>();
        days.forEach(d -> byDay.computeIfAbsent(d.day(), k -> new LinkedHashMap<>())
                .put(d.institution(), primary.getOrDefault(d.institution(), false)));
        return byDay;
    }

    private Map<String, Existing> existing(List<Fact> facts) {
        var out = new HashMap<String, Existing>();
        Map<UUID, List<String>> byInstitution = new HashMap<>();
        facts.forEach(f -> byInstitution.computeIfAbsent(f.institution(), k -> new ArrayList<>()).add(f.source()));
        byInstitution.forEach((inst, all) -> {
            var sources = known(inst, all);
            for (int from = 0; from < sources.size(); from += 500) {
                var chunk = sources.subList(from, Math.min(sources.size(), from + 500));
                jdbc.sql("""
                        select id, source_record_id, kind, occurred_at, local_day, admitted_at, bed_days, operations,
                               level4_operations, drg_weight, drg_group, principal_diagnosis, resident_id, revision
                        from indicators_encounter where institution_id = :inst and source_record_id in (:sources)""")
                        .param("inst", inst).param("sources", chunk)
                        .query((rs, n) -> {
                            Timestamp admitted = rs.getTimestamp("admitted_at");
                            BigDecimal w = rs.getBigDecimal("drg_weight");
                            var f = new Fact(inst, rs.getString("source_record_id"), EncounterKind.valueOf(rs.getString("kind")),
                                    rs.getTimestamp("occurred_at").toInstant(), rs.getObject("local_day", LocalDate.class),
                                    admitted == null ? null : admitted.toInstant(), rs.getInt("bed_days"), rs.getInt("operations"),
                                    rs.getInt("level4_operations"), w == null ? null : w.stripTrailingZeros(),
                                    rs.getString("drg_group"), rs.getString("principal_diagnosis"),
                                    rs.getObject("resident_id", UUID.class));
                            return new Existing(rs.getObject("id", UUID.class), rs.getInt("revision"), f);
                        })
                        .list().forEach(e -> out.put(inst + "|" + e.fact().source(), e));
            }
        });
        return out;
    }

    /**
     * On PostgreSQL, the sources the key table already holds (its primary key answers in one index probe each). The
     * look-up by source in the partitioned table cannot prune partitions and, while a month's partition grows within
     * one transaction, was planned over the institution's rows of the month: 8.7 of 12.2 s of P-5 went there. New
     * records, the usual case, now skip it. All of an institution's sources go as one array: one statement per
     * institution and file, not one per 500 ids.
     */
    private List<String> known(UUID institution, List<String> sources) {
        if (!partitions.partitioned()) {
            return sources;
        }
        return jdbc.sql("select source_record_id from indicators_encounter_key where institution_id = :inst"
                + " and source_record_id = any(:sources)")
                .param("inst", institution).param("sources", sources.toArray(new String[0])).query(String.class).list();
    }

    private static java.time.@Nullable OffsetDateTime ts(@Nullable Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
