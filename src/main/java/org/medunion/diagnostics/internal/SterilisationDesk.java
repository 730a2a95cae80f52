package org.medunion.diagnostics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.BatchTrace;
import org.medunion.diagnostics.BatchView;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DefinePackType;
import org.medunion.diagnostics.IndicatorResult;
import org.medunion.diagnostics.InventoryEntry;
import org.medunion.diagnostics.InventoryMove;
import org.medunion.diagnostics.MovePacks;
import org.medunion.diagnostics.PackCondition;
import org.medunion.diagnostics.PackTypeView;
import org.medunion.diagnostics.RecordBatch;
import org.medunion.diagnostics.RecordIndicator;
import org.medunion.diagnostics.SterilisationManagement;
import org.medunion.diagnostics.SterilisationMethod;
import org.medunion.identity.CurrentUser;
import org.medunion.shared.ConflictException;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sterilisation centre (SC-7), each call one transaction. Issues never exceed the stock derived from the log,
 * never take an expired batch (the expiry day itself still issues: end dates are inclusive) nor a recalled or failed
 * one, and go only to institutions the centre serves; a member never returns more than it holds.
 */
@Service
@Transactional
class SterilisationDesk implements SterilisationManagement {

    static final String BATCH = "SterilisationBatch";
    static final String LOG = "SterilisationInventory";
    static final int MAX_SHELF_LIFE_DAYS = 3650;
    static final int LIST_LIMIT = 500;

    private final SterilisationStore store;
    private final SterilisationAccess access;
    private final DiagnosticsAccess diagnostics;
    private final Results results;
    private final AuditTrail audit;
    private final Clock clock;

    SterilisationDesk(SterilisationStore store, SterilisationAccess access, DiagnosticsAccess diagnostics, Results results,
                      AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.diagnostics = diagnostics;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PackTypeView definePackType(DefinePackType c) {
        CentreView centre = access.workable(c.centreId(), "definePackType");
        String name = ReferenceData.text(Required.of(c.name(), "name"), "name", 100);
        int days = Required.of(c.shelfLifeDays(), "shelfLifeDays");
        if (days < 1 || days > MAX_SHELF_LIFE_DAYS) {
            throw new InvalidInputException("shelfLifeDays", DiagnosticsError.SHELF_LIFE_INVALID, days);
        }
        if (store.packTypeNamed(centre.id().value(), name)) {
            throw new ConflictException(DiagnosticsError.DUPLICATE_PACK_TYPE, "name", name);
        }
        var type = new PackTypeView(UUID.randomUUID(), centre.id().value(), name,
                Inputs.enumValue(Required.of(c.method(), "method"), SterilisationMethod.class, "method"), days);
        store.savePackType(type, access.caller().username(), clock.instant());
        audit.record(AuditAction.CREATE, "SterilisationPackType", type.id().toString(), null, name);
        return type;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PackTypeView> packTypes(CentreId centre) {
        return store.packTypes(access.readable(centre.value()).id().value());
    }

    @Override
    public BatchView recordBatch(CentreId centreId, RecordBatch c) {
        CentreView centre = access.workable(centreId.value(), "recordBatch");
        UUID typeId = Required.of(c.packTypeId(), "packTypeId");
        PackTypeView type = store.packType(typeId).filter(t -> t.centreId().equals(centre.id().value()))
                .orElseThrow(() -> new InvalidInputException("packTypeId", DiagnosticsError.UNKNOWN_PACK_TYPE, typeId));
        int quantity = quantity(c.quantity());
        String load = ReferenceData.text(Required.of(c.loadNumber(), "loadNumber"), "loadNumber", 40);
        if (store.loadRecorded(centre.id().value(), load, type.id())) {
            throw new ConflictException(DiagnosticsError.DUPLICATE_LOAD, "loadNumber", load);
        }
        Instant now = clock.instant();
        Instant sterilised = c.sterilisedAt() == null ? now : c.sterilisedAt();
        if (sterilised.isAfter(now)) {
            throw new InvalidInputException("sterilisedAt", DiagnosticsError.STERILISED_IN_FUTURE, sterilised);
        }
        SterilisationMethod method = c.method() == null || c.method().isBlank() ? type.method()
                : Inputs.enumValue(c.method(), SterilisationMethod.class, "method");
        IndicatorResult chemical = Inputs.enumValue(Required.of(c.chemicalIndicator(), "chemicalIndicator"), IndicatorResult.class,
                "chemicalIndicator");
        IndicatorResult biological = c.biologicalIndicator() == null || c.biologicalIndicator().isBlank() ? IndicatorResult.PENDING
                : Inputs.enumValue(c.biologicalIndicator(), IndicatorResult.class, "biologicalIndicator");
        LocalDate expires = sterilised.atZone(clock.getZone()).toLocalDate().plusDays(type.shelfLifeDays());
        boolean failed = chemical == IndicatorResult.FAIL || biological == IndicatorResult.FAIL;
        var batch = new SterilisationStore.Batch(UUID.randomUUID(), centre.id().value(), type.id(), type.name(), load, quantity, method,
                sterilised, expires, chemical, biological, failed ? now : null, null, 0, 0);
        store.saveBatch(batch, access.caller().username(), now);
        audit.record(AuditAction.CREATE, BATCH, batch.id().toString(), null, type.name() + " " + load + " ×" + quantity
                + (failed ? " indicator failed: recalled" : ""));
        return view(centre, store.batch(batch.id()).orElseThrow());
    }

    @Override
    public BatchView recordIndicator(UUID batchId, RecordIndicator c) {
        var b = batchFor(batchId);
        CentreView centre = access.workable(b.centreId(), "recordIndicator");
        IndicatorResult chemical = c.chemicalIndicator() == null ? b.chemical()
                : Inputs.enumValue(c.chemicalIndicator(), IndicatorResult.class, "chemicalIndicator");
        IndicatorResult biological = c.biologicalIndicator() == null ? b.biological()
                : Inputs.enumValue(c.biologicalIndicator(), IndicatorResult.class, "biologicalIndicator");
        store.updateIndicators(b.id(), chemical, biological);
        boolean failed = chemical == IndicatorResult.FAIL || biological == IndicatorResult.FAIL;
        if (failed) {
            store.recall(b.id(), clock.instant(), null);
        }
        audit.record(AuditAction.UPDATE, BATCH, b.id().toString(), null, "indicators chemical " + chemical + " biological " + biological
                + (failed ? ": recalled" : ""));
        return view(centre, store.batch(b.id()).orElseThrow());
    }

    @Override
    public BatchTrace recall(UUID batchId, @Nullable String reason) {
        var b = batchFor(batchId);
        CentreView centre = access.workable(b.centreId(), "recall");
        String why = ReferenceData.text(Required.of(reason, "reason"), "reason", 200);
        store.recall(b.id(), clock.instant(), why);
        audit.record(AuditAction.UPDATE, BATCH, b.id().toString(), null, "recalled: " + why);
        return trace(centre, store.batch(b.id()).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public List<BatchView> batches(CentreId centreId) {
        CentreView centre = access.readable(centreId.value());
        return store.batches(centre.id().value(), LIST_LIMIT).stream().map(b -> view(centre, b)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public BatchView batch(UUID batchId) {
        var b = batchFor(batchId);
        return view(access.readable(b.centreId()), b);
    }

    @Override
    public InventoryEntry issue(MovePacks c) {
        return issue(c, clock.instant());
    }

    /** Issues at {@code now} (the backfill passes the instant it happened): expiry is judged on that day. */
    InventoryEntry issue(MovePacks c, Instant now) {
        var m = move(c, "issue");
        var b = store.batch(m.batchId()).orElseThrow();
        UUID member = m.member();
        int quantity = m.quantity();
        CentreView centre = m.centre();
        if (!usable(b)) {
            throw new ConflictException(DiagnosticsError.BATCH_UNUSABLE, "batchId", b.loadNumber());
        }
        if (now.atZone(clock.getZone()).toLocalDate().isAfter(b.expiresOn())) {
            throw new ConflictException(DiagnosticsError.BATCH_EXPIRED, "batchId", b.expiresOn());
        }
        if (quantity > b.inStock()) {
            throw new ConflictException(DiagnosticsError.OUT_OF_STOCK, "quantity", b.inStock());
        }
        return append(centre, b, member, InventoryMove.ISSUE, quantity, null, now);
    }

    @Override
    public InventoryEntry returnPacks(MovePacks c) {
        return returnPacks(c, clock.instant());
    }

    InventoryEntry returnPacks(MovePacks c, Instant now) {
        PackCondition condition = Inputs.enumValue(Required.of(c.condition(), "condition"), PackCondition.class, "condition");
        var m = move(c, "return");
        int held = store.holding(m.batchId(), m.member());
        if (m.quantity() > held) {
            throw new ConflictException(DiagnosticsError.RETURN_EXCEEDS_HELD, "quantity", held);
        }
        return append(m.centre(), store.batch(m.batchId()).orElseThrow(), m.member(), InventoryMove.RETURN, m.quantity(), condition,
                now);
    }

    @Override
    @Transactional(readOnly = true)
    public BatchTrace trace(UUID batchId) {
        var b = batchFor(batchId);
        return trace(access.readable(b.centreId()), b);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InventoryEntry> receipts(@Nullable UUID institutionId) {
        CurrentUser user = access.caller();
        UUID institution = institutionId != null ? institutionId : DiagnosticsAccess.institutionOf(user);
        if (institution == null) {
            throw new InvalidInputException("institutionId", DiagnosticsError.NO_INSTITUTION, (Object) null);
        }
        List<CentreView> centres = access.receiptsReadable(institution);
        boolean own = institution.equals(DiagnosticsAccess.institutionOf(user));
        if (centres.isEmpty() && !own && !user.isAdmin()) {
            throw DiagnosticsAccess.forbidden("receipts");
        }
        Map<UUID, CentreView> byId = new HashMap<>();
        centres.forEach(c -> byId.put(c.id().value(), c));
        var entries = store.entriesFor(institution, List.copyOf(byId.keySet()), LIST_LIMIT);
        Map<UUID, SterilisationStore.Batch> batches = new HashMap<>();
        Map<UUID, String> names = results.names(Set.of(institution));
        List<InventoryEntry> out = new ArrayList<>();
        for (var e : entries) {
            var b = batches.computeIfAbsent(e.batchId(), id -> store.batch(id).orElseThrow());
            out.add(entry(Required.of(byId.get(b.centreId()), "centreId"), b, e, names));
        }
        return List.copyOf(out);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CentreView> sterilisationCentres() {
        return access.listed();
    }

    private SterilisationStore.Batch batchFor(UUID id) {
        var b = store.batch(id).orElseThrow(() -> new NotFoundException("batch", id));
        access.readable(b.centreId());
        return b;
    }

    /** An issue's or return's batch, centre, member and quantity, checked; the batch row locked for the stock read. */
    private record Move(UUID batchId, CentreView centre, UUID member, int quantity) {
    }

    private Move move(MovePacks c, String what) {
        UUID batchId = Required.of(c.batchId(), "batchId");
        CentreView centre = access.workable(batchFor(batchId).centreId(), what);
        var m = new Move(batchId, centre, member(centre, c.institutionId()), quantity(c.quantity()));
        store.lock(batchId);
        return m;
    }

    private UUID member(CentreView centre, @Nullable UUID institution) {
        UUID id = Required.of(institution, "institutionId");
        if (!SterilisationAccess.serves(centre, id)) {
            throw new InvalidInputException("institutionId", DiagnosticsError.MEMBER_NOT_SERVED, id);
        }
        return id;
    }

    private static int quantity(@Nullable Integer quantity) {
        int q = Required.of(quantity, "quantity");
        if (q < 1) {
            throw new InvalidInputException("quantity", DiagnosticsError.QUANTITY_INVALID, q);
        }
        return q;
    }

    private static boolean usable(SterilisationStore.Batch b) {
        return b.recalledAt() == null && b.chemical() != IndicatorResult.FAIL && b.biological() != IndicatorResult.FAIL;
    }

    /** The expiry day is the last day of use (inclusive); the day after, the batch is expired. */
    private boolean expired(SterilisationStore.Batch b) {
        return LocalDate.now(clock).isAfter(b.expiresOn());
    }

    private InventoryEntry append(CentreView centre, SterilisationStore.Batch b, UUID member, InventoryMove move, int quantity,
                                  @Nullable PackCondition condition, Instant now) {
        var e = new SterilisationStore.Entry(UUID.randomUUID(), b.id(), member, move, quantity, condition, access.caller().username(),
                now);
        store.append(e);
        audit.record(AuditAction.CREATE, LOG, e.id().toString(), null,
                move + " " + b.packTypeName() + " " + b.loadNumber() + " ×" + quantity
                        + (condition == null ? "" : " " + condition));
        return entry(centre, b, e, results.names(Set.of(member)));
    }

    private InventoryEntry entry(CentreView centre, SterilisationStore.Batch b, SterilisationStore.Entry e, Map<UUID, String> names) {
        return new InventoryEntry(e.id(), b.id(), b.loadNumber(), b.packTypeName(), centre.id().value(), centre.name(), e.institutionId(),
                names.getOrDefault(e.institutionId(), ""), e.move(), e.quantity(), e.condition(), b.expiresOn(), !usable(b),
                e.recordedBy(), e.recordedAt());
    }

    private BatchView view(CentreView centre, SterilisationStore.Batch b) {
        boolean expired = expired(b);
        return new BatchView(b.id(), b.centreId(), centre.name(), b.packTypeId(), b.packTypeName(), b.loadNumber(), b.quantity(),
                b.method(),
                b.sterilisedAt(), b.expiresOn(), b.chemical(), b.biological(), b.recalledAt(), b.recallReason(), b.issued(),
                b.returnedUnused(), b.inStock(), expired, usable(b) && !expired);
    }

    private BatchTrace trace(CentreView centre, SterilisationStore.Batch b) {
        var log = store.entriesOf(b.id());
        Set<UUID> ids = new HashSet<>();
        log.forEach(e -> ids.add(e.institutionId()));
        Map<UUID, String> names = results.names(ids);
        Map<UUID, int[]> totals = new LinkedHashMap<>();
        Map<UUID, Instant> lastIssued = new HashMap<>();
        for (var e : log) {
            int[] t = totals.computeIfAbsent(e.institutionId(), k -> new int[4]);
            if (e.move() == InventoryMove.ISSUE) {
                t[0] += e.quantity();
                lastIssued.put(e.institutionId(), e.recordedAt());
            } else {
                PackCondition condition = e.condition();
                t[1 + (condition == null ? PackCondition.USED : condition).ordinal()] += e.quantity();
            }
        }
        List<BatchTrace.Member> members = new ArrayList<>();
        totals.forEach((id, t) -> members.add(new BatchTrace.Member(id, names.getOrDefault(id, ""), t[0], t[1], t[2], t[3],
                t[0] - t[1] - t[2] - t[3], lastIssued.getOrDefault(id, Instant.EPOCH))));
        return new BatchTrace(view(centre, b), log.stream().map(e -> entry(centre, b, e, names)).toList(), List.copyOf(members),
                members.stream().filter(m -> m.holding() > 0).toList());
    }
}
