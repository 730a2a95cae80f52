package org.medunion.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Districts (GB/T 2260 reference data) and the grids drawn over them. */
@Repository
class ReferenceDataStore {

    private final JdbcClient jdbc;

    ReferenceDataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Districts are reference data, changed only by migrations: read once per process. */
    private volatile @Nullable Map<String, DistrictView> districts;

    List<DistrictView> districts() {
        return List.copyOf(districtMap().values());
    }

    Optional<DistrictView> district(@Nullable String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(districtMap().get(code));
    }

    private Map<String, DistrictView> districtMap() {
        Map<String, DistrictView> map = districts;
        if (map == null) {
            map = new LinkedHashMap<>();
            for (DistrictView d : jdbc.sql("select * from registry_district order by code").query((rs, n) -> new DistrictView(
                    rs.getString("code"), rs.getString("name"), rs.getString("parent_code"), rs.getBoolean("county"),
                    rs.getLong("population"))).list()) {
                map.put(d.code(), d);
            }
            map = Collections.unmodifiableMap(map);
            districts = map;
        }
        return map;
    }

    /** The city a district belongs to (the district itself when it is a city). */
    Optional<DistrictView> cityOf(String code) {
        Optional<DistrictView> d = district(code);
        if (d.isPresent() && d.get().parentCode() != null) {
            return district(d.get().parentCode());
        }
        return d;
    }

    List<GridView> grids(@Nullable String districtCodeOrNull) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (districtCodeOrNull != null) {
            where = " where g.district_code = ?";
            params.add(districtCodeOrNull);
        }
        return assemble(jdbc.sql("select g.* from registry_grid g" + where + " order by g.district_code, g.code")
                .params(params).query((rs, n) -> new GridRow(Rows.uuid(rs, "id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("district_code"), rs.getLong("population")))
                .list());
    }

    Optional<GridView> grid(UUID id) {
        return assemble(jdbc.sql("select * from registry_grid where id = ?").param(id)
                .query((rs, n) -> new GridRow(Rows.uuid(rs, "id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("district_code"), rs.getLong("population")))
                .list()).stream().findFirst();
    }

    boolean gridCodeTaken(String code) {
        return jdbc.sql("select count(*) from registry_grid where code = ?").param(code).query(Long.class).single() > 0;
    }

    void insertGrid(UUID id, String code, String name, String districtCode, List<String> streets, long population,
                    Instant now, String user) {
        jdbc.sql("""
                insert into registry_grid (id, code, name, district_code, population, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code, name, districtCode, population, Rows.ts(now), user).update();
        for (int i = 0; i < streets.size(); i++) {
            jdbc.sql("insert into registry_grid_street (grid_id, position, street) values (?, ?, ?)")
                    .params(id, i, streets.get(i)).update();
        }
    }

    private List<GridView> assemble(List<GridRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> streets = new LinkedHashMap<>();
        Rows.inChunks(rows.stream().map(GridRow::id).toList(), ids -> jdbc.sql(
                "select grid_id, street from registry_grid_street where grid_id in (" + Rows.placeholders(ids.size())
                        + ") order by grid_id, position")
                .params(new ArrayList<Object>(ids))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "grid_id"), rs.getString("street"))).list())
                .forEach(e -> streets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> new GridView(new GridId(r.id()), r.code(), r.name(), r.districtCode(),
                List.copyOf(streets.getOrDefault(r.id(), List.of())), r.population())).toList();
    }

    private record GridRow(UUID id, String code, String name, String districtCode, long population) {
    }
}
