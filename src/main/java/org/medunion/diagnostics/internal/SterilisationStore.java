package org.medunion.diagnostics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.IndicatorResult;
import org.medunion.diagnostics.InventoryMove;
import org.medunion.diagnostics.PackCondition;
import org.medunion.diagnostics.PackTypeView;
import org.medunion.diagnostics.SterilisationMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pack types, batches and the inventory log of sterilisation centres (SC-7). The log is only ever inserted into. */
@Component
class SterilisationStore {

    private final JdbcClient jdbc;

    SterilisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void savePackType(PackTypeView p, String by, Instant now) {
        jdbc.sql("""
                insert into diagnostics_steril_pack_type (id, centre_id, name, method, shelf_life_days, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.centreId(), p.name(), p.method().name(), p.shelfLifeDays(), by, Timestamp.from(now)).update();
    }

    boolean packTypeNamed(UUID centre, String name) {
        return jdbc.sql("select count(*) from diagnostics_steril_pack_type where centre_id = ? and name = ?").params(centre, name)
                .query(Long.class).single() > 0;
    }

    List<PackTypeView> packTypes(UUID centre) {
        return jdbc.sql("select * from diagnostics_steril_pack_type where centre_id = ? order by name").param(centre)
                .query(SterilisationStore::packType).list();
    }

    Optional<PackTypeView> packType(UUID id) {
        return jdbc.sql("select * from diagnostics_steril_pack_type where id = ?").param(id).query(SterilisationStore::packType)
                .optional();
    }

    private static PackTypeView packType(ResultSet rs, int n) throws SQLException {
        return new PackTypeView(rs.getObject("id", UUID.class), rs.getObject("centre_id", UUID.class), rs.getString("name"),
                SterilisationMethod.valueOf(rs.getString("method")), rs.getInt("shelf_life_days"));
    }

    /** A batch as stored, with the log's totals. */
    record Batch(UUID id, UUID centreId, UUID packTypeId, String packTypeName, String loadNumber, int quantity,
                 SterilisationMethod method, Instant sterilisedAt, LocalDate expiresOn, IndicatorResult chemical,
                 IndicatorResult biological, @Nullable Instant recalledAt, @Nullable String recallReason, int issued,
                 int returnedUnused) {

        int inStock() {
            return quantity - issued + returnedUnused;
        }
    }

    void saveBatch(Batch b, String by, Instant now) {
        jdbc.sql("""
                insert into diagnostics_steril_batch (id, centre_id, pack_type_id, load_number, quantity, method, sterilised_at,
                  expires_on, chemical_indicator, biological_indicator, recalled_at, recall_reason, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Required.args(b.id(), b.centreId(), b.packTypeId(), b.loadNumber(), b.quantity(), b.method().name(),
                        Timestamp.from(b.sterilisedAt()), Date.valueOf(b.expiresOn()), b.chemical().name(), b.biological().name(),
                        b.recalledAt() == null ? null : Timestamp.from(b.recalledAt()), b.recallReason(), by, Timestamp.from(now)))
                .update();
    }

    boolean loadRecorded(UUID centre, String load, UUID packType) {
        return jdbc.sql("select count(*) from diagnostics_steril_batch where centre_id = ? and load_number = ? and pack_type_id = ?")
                .params(centre, load, packType).query(Long.class).single() > 0;
    }

    void updateIndicators(UUID batch, IndicatorResult chemical, IndicatorResult biological) {
        jdbc.sql("update diagnostics_steril_batch set chemical_indicator = ?, biological_indicator = ? where id = ?")
                .params(chemical.name(), biological.name(), batch).update();
    }

    /** Recalls the batch unless it already is (the first recall's time and reason stay). */
    void recall(UUID batch, Instant at, @Nullable String reason) {
        jdbc.sql("update diagnostics_steril_batch set recalled_at = ?, recall_reason = ? where id = ? and recalled_at is null")
                .params(Required.args(Timestamp.from(at), reason, batch)).update();
    }

    private static final String BATCH = """
            select b.*, p.name as pack_type_name,
              coalesce((select sum(l.quantity) from diagnostics_steril_log l where l.batch_id = b.id and l.move = 'ISSUE'), 0) as issued,
              coalesce((select sum(l.quantity) from diagnostics_steril_log l where l.batch_id = b.id and l.move = 'RETURN'
                        and l.pack_condition = 'UNUSED'), 0) as returned_unused
              from diagnostics_steril_batch b join diagnostics_steril_pack_type p on p.id = b.pack_type_id""";

    Optional<Batch> batch(UUID id) {
        return jdbc.sql(BATCH + " where b.id = ?").param(id).query(SterilisationStore::batch).optional();
    }

    /**
     * Locks the batch row for an issue or return, so two concurrent issues cannot both take the last packs; the
     * caller then reads the stock with {@link #batch}.
     */
    void lock(UUID id) {
        jdbc.sql("select id from diagnostics_steril_batch where id = ? for update").param(id).query(UUID.class).optional();
    }

    List<Batch> batches(UUID centre, int limit) {
        return jdbc.sql(BATCH + " where b.centre_id = ? order by b.sterilised_at desc, b.load_number fetch first " + limit
                + " rows only").param(centre).query(SterilisationStore::batch).list();
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        Timestamp recalled = rs.getTimestamp("recalled_at");
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("centre_id", UUID.class), rs.getObject("pack_type_id", UUID.class),
                rs.getString("pack_type_name"), rs.getString("load_number"), rs.getInt("quantity"),
                SterilisationMethod.valueOf(rs.getString("method")), rs.getTimestamp("sterilised_at").toInstant(),
                rs.getDate("expires_on").toLocalDate(), IndicatorResult.valueOf(rs.getString("chemical_indicator")),
                IndicatorResult.valueOf(rs.getString("biological_indicator")), recalled == null ? null : recalled.toInstant(),
                rs.getString("recall_reason"), rs.getInt("issued"), rs.getInt("returned_unused"));
    }

    /** One log entry as stored. */
    record Entry(UUID id, UUID batchId, UUID institutionId, InventoryMove move, int quantity, @Nullable PackCondition condition,
                 String recordedBy, Instant recordedAt) {
    }

    void append(Entry e) {
        jdbc.sql("""
                insert into diagnostics_steril_log (id, batch_id, institution_id, move, quantity, pack_condition, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Required.args(e.id(), e.batchId(), e.institutionId(), e.move().name(), e.quantity(),
                        e.condition() == null ? null : e.condition().name(), e.recordedBy(), Timestamp.from(e.recordedAt())))
                .update();
    }

    List<Entry> entriesOf(UUID batch) {
        return jdbc.sql("select * from diagnostics_steril_log where batch_id = ? order by recorded_at, id").param(batch)
                .query(SterilisationStore::entry).list();
    }

    /** The member's entries at the given centres, newest first. */
    List<Entry> entriesFor(UUID institution, List<UUID> centres, int limit) {
        if (centres.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", centres.stream().map(c -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(institution);
        args.addAll(centres);
        return jdbc.sql("select l.* from diagnostics_steril_log l join diagnostics_steril_batch b on b.id = l.batch_id"
                + " where l.institution_id = ? and b.centre_id in (" + in + ") order by l.recorded_at desc, l.id fetch first " + limit
                + " rows only").params(args).query(SterilisationStore::entry).list();
    }

    /** Issued minus returned (any condition) of the batch at the member: what it still holds. */
    int holding(UUID batch, UUID institution) {
        return jdbc.sql("""
                select coalesce(sum(case when move = 'ISSUE' then quantity else -quantity end), 0)
                  from diagnostics_steril_log where batch_id = ? and institution_id = ?""")
                .params(batch, institution).query(Integer.class).single();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        String condition = rs.getString("pack_condition");
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class), rs.getObject("institution_id", UUID.class),
                InventoryMove.valueOf(rs.getString("move")), rs.getInt("quantity"),
                condition == null ? null : PackCondition.valueOf(condition), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
