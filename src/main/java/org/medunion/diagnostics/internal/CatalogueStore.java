package org.medunion.diagnostics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ItemList;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.SpecimenType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Items, recognised-item list versions with their windows, and member code mappings. */
@Component
class CatalogueStore {

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveItem(ItemView item, Instant now) {
        int updated = jdbc.sql("""
                update diagnostics_item set name = ?, kind = ?, unit = ?, reference_range = ?, list_price = ?, specimen_type = ?,
                       version = version + 1, updated_at = ? where code = ?""")
                .params(Required.args(item.name(), item.kind().name(), item.unit(), item.referenceRange(), item.listPrice(),
                        specimen(item), Timestamp.from(now),
                        item.code()))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into diagnostics_item (code, name, kind, unit, reference_range, list_price, specimen_type, version,
                        updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                    .params(Required.args(item.code(), item.name(), item.kind().name(), item.unit(), item.referenceRange(),
                            item.listPrice(), specimen(item),
                            Timestamp.from(now)))
                    .update();
        }
    }

    Optional<ItemView> item(String code) {
        return jdbc.sql("select * from diagnostics_item where code = ?").param(code).query(CatalogueStore::item).optional();
    }

    List<ItemView> items() {
        return jdbc.sql("select * from diagnostics_item order by kind, code").query(CatalogueStore::item).list();
    }

    private static ItemView item(ResultSet rs, int n) throws SQLException {
        String specimen = rs.getString("specimen_type");
        return new ItemView(rs.getString("code"), rs.getString("name"), ItemKind.valueOf(rs.getString("kind")), rs.getString("unit"),
                rs.getString("reference_range"), rs.getBigDecimal("list_price"), specimen == null ? null : SpecimenType.valueOf(specimen));
    }

    private static @Nullable String specimen(ItemView item) {
        return item.specimenType() == null ? null : item.specimenType().name();
    }

    int nextVersion(String jurisdiction) {
        Integer max = jdbc.sql("select max(version) from diagnostics_list where jurisdiction = ?").param(jurisdiction)
                .query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    void saveList(ItemList list) {
        jdbc.sql("""
                insert into diagnostics_list (id, jurisdiction, version, valid_from, published_by, published_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Required.args(list.id(), list.jurisdiction(), list.version(), Date.valueOf(list.validFrom()), list.publishedBy(),
                        Timestamp.from(list.publishedAt())))
                .update();
        for (ItemList.Entry e : list.entries()) {
            jdbc.sql("insert into diagnostics_list_entry (list_id, item_code, window_days) values (?, ?, ?)")
                    .params(Required.args(list.id(), e.itemCode(), e.windowDays())).update();
        }
    }

    List<ItemList> lists(String jurisdiction) {
        return jdbc.sql("select * from diagnostics_list where jurisdiction = ? order by version desc").param(jurisdiction)
                .query((rs, n) -> new ItemList(rs.getObject("id", UUID.class), rs.getString("jurisdiction"), rs.getInt("version"),
                        rs.getDate("valid_from").toLocalDate(), List.of(), rs.getString("published_by"),
                        rs.getTimestamp("published_at").toInstant()))
                .list().stream().map(l -> new ItemList(l.id(), l.jurisdiction(), l.version(), l.validFrom(), entries(l.id()),
                        l.publishedBy(), l.publishedAt()))
                .toList();
    }

    private List<ItemList.Entry> entries(UUID list) {
        return jdbc.sql("select item_code, window_days from diagnostics_list_entry where list_id = ? order by item_code").param(list)
                .query((rs, n) -> new ItemList.Entry(rs.getString("item_code"), (Integer) rs.getObject("window_days", Integer.class)))
                .list();
    }

    /** The id of the list in force on the day for the most specific of the jurisdictions that has one (most specific first). */
    Optional<UUID> listInForce(List<String> jurisdictions, LocalDate day) {
        return inForce(jurisdictions, "", day).map(InForce::listId); // no item has an empty code: the list alone
    }

    /**
     * The list in force on the day for the most specific of the jurisdictions (most specific first): the newest
     * version valid by then of the first jurisdiction that has one, with the item's entry if it lists the item. One
     * query over every version of those jurisdictions (a few dozen rows at most) instead of two per jurisdiction:
     * it is on the path of every order entry (P-8).
     */
    Optional<InForce> inForce(List<String> jurisdictions, String itemCode, LocalDate day) {
        if (jurisdictions.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(", ", Collections.nCopies(jurisdictions.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(itemCode);
        params.addAll(jurisdictions);
        params.add(Date.valueOf(day));
        List<InForce> versions = jdbc.sql("""
                select l.jurisdiction, l.version, l.id, e.item_code, e.window_days from diagnostics_list l
                  left join diagnostics_list_entry e on e.list_id = l.id and e.item_code = ?
                 where l.jurisdiction in (%s) and l.valid_from <= ?""".formatted(marks))
                .params(params)
                .query((rs, n) -> new InForce(rs.getString("jurisdiction"), rs.getInt("version"), rs.getObject("id", UUID.class),
                        rs.getString("item_code") != null, rs.getObject("window_days", Integer.class)))
                .list();
        return versions.stream().min(Comparator.<InForce>comparingInt(f -> jurisdictions.indexOf(f.jurisdiction()))
                .thenComparing(Comparator.comparingInt(InForce::version).reversed()));
    }

    record InForce(String jurisdiction, int version, UUID listId, boolean onList, @Nullable Integer windowDays) {
    }

    Optional<String> mapped(UUID institution, String memberCode) {
        return jdbc.sql("select item_code from diagnostics_code_map where institution_id = ? and member_code = ?")
                .params(Required.args(institution, memberCode)).query(String.class).optional();
    }

    void map(UUID institution, String memberCode, String itemCode) {
        jdbc.sql("insert into diagnostics_code_map (institution_id, member_code, item_code) values (?, ?, ?)")
                .params(Required.args(institution, memberCode, itemCode)).update();
    }
}
