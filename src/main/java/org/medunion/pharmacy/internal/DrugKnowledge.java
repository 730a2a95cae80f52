package org.medunion.pharmacy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.ControlClass;
import org.medunion.pharmacy.DrugCategory;
import org.medunion.pharmacy.FormularyDrugView;

/**
 * The consortium formulary and the drug knowledge of the pre-screen — data, not code: {@code pharmacy/formulary.csv},
 * {@code doses.csv}, {@code interactions.csv}, {@code contraindications.csv} (format: docs/pharmacy.md). A demo set,
 * not clinical advice. Immutable after loading; look-ups are hash maps so that a pre-screen costs microseconds.
 */
public final class DrugKnowledge {

    /** Max single and daily dose in the drug's dose unit. */
    public record DoseRange(BigDecimal maxSingle, BigDecimal maxDaily) {
    }

    /** An interaction between two drugs: MAJOR or MODERATE, with a bilingual note. */
    public record Interaction(String drugA, String drugB, String severity, String note) {
    }

    /** PREGNANCY; CHILD_UNDER / ELDERLY_OVER with an age; ALLERGY with an allergy group (PENICILLIN, …). */
    public record Contraindication(String drug, String kind, String value, String note) {
    }

    private final Map<String, FormularyDrugView> drugs;
    private final Map<String, DoseRange> doses;
    private final Map<String, List<Interaction>> interactions;
    private final Map<String, List<Contraindication>> contraindications;

    private DrugKnowledge(Map<String, FormularyDrugView> drugs, Map<String, DoseRange> doses, Map<String, List<Interaction>> interactions,
                          Map<String, List<Contraindication>> contraindications) {
        this.drugs = Collections.unmodifiableMap(drugs);
        this.doses = Map.copyOf(doses);
        this.interactions = Map.copyOf(interactions);
        this.contraindications = Map.copyOf(contraindications);
    }

    /** The shipped demo set from the classpath. */
    public static DrugKnowledge load() {
        var drugs = new LinkedHashMap<String, FormularyDrugView>();
        for (var r : read("formulary.csv")) {
            drugs.put(cell(r, "code"),
                    new FormularyDrugView(cell(r, "code"), cell(r, "name"), cell(r, "englishName"), cell(r, "dosageForm"),
                            cell(r, "strength"), cell(r, "route"), cell(r, "doseUnit"), cell(r, "group"), bool(r, "essential"),
                            bool(r, "negotiated"),
                            bool(r, "volumeProcurement"), ControlClass.valueOf(cell(r, "control")), bool(r, "antimicrobial"),
                            bool(r, "specialStorage"), bool(r, "chronicUse"), bool(r, "controlledRelease"), bool(r, "injection"),
                            DrugCategory.valueOf(cell(r, "category"))));
        }
        var doses = new HashMap<String, DoseRange>();
        for (var r : read("doses.csv")) {
            known(drugs, cell(r, "drug"), "doses.csv");
            doses.put(cell(r, "drug"), new DoseRange(new BigDecimal(cell(r, "maxSingleDose")), new BigDecimal(cell(r, "maxDailyDose"))));
        }
        var interactions = new HashMap<String, List<Interaction>>();
        for (var r : read("interactions.csv")) {
            var i = new Interaction(known(drugs, cell(r, "drugA"), "interactions.csv"), known(drugs, cell(r, "drugB"), "interactions.csv"),
                    cell(r, "severity"), cell(r, "note"));
            interactions.computeIfAbsent(i.drugA(), k -> new ArrayList<>()).add(i);
            interactions.computeIfAbsent(i.drugB(), k -> new ArrayList<>()).add(i);
        }
        var contra = new HashMap<String, List<Contraindication>>();
        for (var r : read("contraindications.csv")) {
            var c = new Contraindication(known(drugs, cell(r, "drug"), "contraindications.csv"), cell(r, "kind"), cell(r, "value"),
                    cell(r, "note"));
            contra.computeIfAbsent(c.drug(), k -> new ArrayList<>()).add(c);
        }
        return new DrugKnowledge(drugs, doses, interactions, contra);
    }

    public @Nullable FormularyDrugView drug(String code) {
        return drugs.get(code);
    }

    public List<FormularyDrugView> drugs() {
        return List.copyOf(drugs.values());
    }

    public @Nullable DoseRange dose(String code) {
        return doses.get(code);
    }

    public List<Interaction> interactions(String code) {
        return interactions.getOrDefault(code, List.of());
    }

    public List<Contraindication> contraindications(String code) {
        return contraindications.getOrDefault(code, List.of());
    }

    public int interactionCount() {
        return interactions.values().stream().mapToInt(List::size).sum() / 2;
    }

    private static String known(Map<String, FormularyDrugView> drugs, String code, String file) {
        if (!drugs.containsKey(code)) {
            throw new IllegalStateException(file + ": unknown formulary code " + code);
        }
        return code;
    }

    private static boolean bool(Map<String, String> r, String column) {
        return Boolean.parseBoolean(cell(r, column).strip().toLowerCase(Locale.ROOT));
    }

    private static String cell(Map<String, String> r, String column) {
        String v = r.get(column);
        return v == null ? "" : v;
    }

    /** Rows of a CSV file under pharmacy/ (comment lines start with #; quoted fields may hold commas). */
    static List<Map<String, String>> read(String file) {
        var in = DrugKnowledge.class.getResourceAsStream("/pharmacy/" + file);
        if (in == null) {
            throw new IllegalStateException("pharmacy/" + file + " missing");
        }
        var rows = new ArrayList<Map<String, String>>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = split(line);
                if (header == null) {
                    header = cells;
                    continue;
                }
                var row = new HashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> split(String line) {
        var out = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
