package org.medunion.bench.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medunion.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The results the P-1 recognition look-up finds (P-8 joins the mix), through the public REST API as the demo
 * {@code admin}: the two lab items (HbA1c 60 days, fasting glucose 30 days — the demo catalogue's, defined if the
 * database has none, e.g. a district generated without the demo diagnostics), on the Shanghai list (a new version
 * keeps every entry of the one in force and adds what is missing), a passed QC record of the hospital for each, and
 * {@code perResident} results of the hospital for each of the first {@code residents} contracted residents of the
 * fixture, 0–89 days old: a look-up then finds results offered (within the window) and not offered (too old).
 */
final class DiagnosticsSeeder {

    static final Map<String, Integer> ITEMS = Map.of("HBA1C", 60, "GLU", 30);
    private static final String SHANGHAI = "310000";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final Api admin;

    DiagnosticsSeeder(int port) {
        this.admin = Api.as(port, "admin");
    }

    Fixture seed(Fixture f, int residents, int perResident) throws Exception {
        LocalDate today = LocalDate.now();
        items();
        list(today);
        qc(f.hospital(), today);
        int n = Math.min(residents, f.residents().size());
        List<String> codes = List.copyOf(ITEMS.keySet());
        long t0 = System.nanoTime();
        List<Integer> statuses = Parallel.map(n * perResident, 6, k -> {
            int i = k / perResident;
            String item = codes.get(k % codes.size());
            return admin.send("POST", "/api/diagnostics/results", """
                    {"residentId":"%s","itemCode":"%s","performerInstitutionId":"%s","status":"FINAL","resultDate":"%s",
                     "critical":false,"conclusion":"P-1","observations":[{"code":"%s","name":"值","value":"6.1"}]}"""
                    .formatted(f.residents().get(i).id(), item, f.hospital(), today.minusDays((i * 7L + k * 13L) % 90), item), JSON)
                    .status();
        });
        long created = statuses.stream().filter(s -> s == 201).count();
        System.out.printf(Locale.ROOT, "recorded %d of %d results for %d residents in %.1f s%n", created, statuses.size(), n,
                (System.nanoTime() - t0) / 1e9);
        if (created < statuses.size()) {
            throw new IllegalStateException("results refused: " + statuses.stream().filter(s -> s != 201).distinct().toList());
        }
        return f.withResults(codes, n);
    }

    private void items() {
        var have = new ArrayList<String>();
        MedUnionSeeder.ok(admin.get("/api/diagnostics/items")).forEach(i -> have.add(i.get("code").asString()));
        if (!have.contains("HBA1C")) {
            MedUnionSeeder.ok(admin.put("/api/diagnostics/items", """
                    {"code":"HBA1C","name":"糖化血红蛋白A1c","kind":"LAB","unit":"%","referenceRange":"4.0-6.0","listPrice":60.00}"""));
        }
        if (!have.contains("GLU")) {
            MedUnionSeeder.ok(admin.put("/api/diagnostics/items", """
                    {"code":"GLU","name":"空腹血糖","kind":"LAB","unit":"mmol/L","referenceRange":"3.9-6.1","listPrice":8.00}"""));
        }
    }

    /** A new Shanghai list version only when the one in force lacks an item. */
    private void list(LocalDate today) {
        JsonNode lists = MedUnionSeeder.ok(admin.get("/api/diagnostics/lists/" + SHANGHAI));
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (!lists.isEmpty()) {
            lists.get(0).get("entries").forEach(e -> entries.put(e.get("itemCode").asString(), e.get("windowDays")));
        }
        if (entries.keySet().containsAll(ITEMS.keySet())) {
            return;
        }
        var out = new ArrayList<String>();
        entries.forEach((code, window) -> out.add("{\"itemCode\":\"%s\",\"windowDays\":%s}".formatted(code,
                window == null || window.isNull() ? "null" : window.asString())));
        ITEMS.forEach((code, window) -> {
            if (!entries.containsKey(code)) {
                out.add("{\"itemCode\":\"%s\",\"windowDays\":%d}".formatted(code, window));
            }
        });
        MedUnionSeeder.ok(admin.post("/api/diagnostics/lists", "{\"jurisdiction\":\"%s\",\"validFrom\":\"%s\",\"entries\":[%s]}"
                .formatted(SHANGHAI, today.minusYears(1), String.join(",", out))));
    }

    /** A passed QC record of the hospital for each item, unless one covers today. */
    private void qc(String hospital, LocalDate today) {
        JsonNode qc = MedUnionSeeder.ok(admin.get("/api/diagnostics/qc/" + hospital));
        for (String item : ITEMS.keySet()) {
            boolean covered = false;
            for (JsonNode q : qc) {
                covered |= q.get("itemCode").asString().equals(item) && q.get("passed").asBoolean()
                        && !LocalDate.parse(q.get("validUntil").asString()).isBefore(today);
            }
            if (!covered) {
                MedUnionSeeder.ok(admin.post("/api/diagnostics/qc", """
                        {"institutionId":"%s","itemCode":"%s","passed":true,"level":"PROVINCIAL","scopeLabel":"上海",
                         "validFrom":"%s","validUntil":"%s"}""".formatted(hospital, item, today.minusYears(2), today.plusYears(1))));
            }
        }
    }
}
