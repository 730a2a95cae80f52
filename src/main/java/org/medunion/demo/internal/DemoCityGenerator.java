package org.medunion.demo.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medunion.registry.DistrictView;
import org.medunion.shared.DivisionCode;

/**
 * The synthetic city of quality.md: seeded and deterministic — the same seed, scale, districts and
 * reference day give the same city, IDs included ({@code UUID.nameUUIDFromBytes("medunion-demo:<seed>:<kind>:<n>")}).
 * The reference day only moves dates (title dates, study periods, work logs) so that "recent" stays recent.
 *
 * <p>The {@code demo} scale is the hand-made city of docs/demo-city.md with its deliberate rule violations;
 * {@code district} adds about 90 institutions and nine consortia to every district of the three
 * demo jurisdictions, district by district.
 */
public final class DemoCityGenerator {

    public static final long DEFAULT_SEED = 42L;

    /** Rounds of {@link DistrictFill} per district: two give ~3,000 institutions over the registry's 33 districts. */
    static final int DISTRICT_ROUNDS = 2;

    /** The jurisdictions the demo city covers (GB/T 2260). */
    public static final List<String> JURISDICTIONS = List.of(ShanghaiDemo.CITY, SouthwestDemo.NANNING, SouthwestDemo.CHONGQING);

    public enum Scale {

        DEMO, DISTRICT;

        public static Scale parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown scale '" + value + "' (demo, district)");
            }
        }
    }

    /** What was generated: counts and the keyed objects (e.g. {@code sh.310105.regional}) by key. */
    public record Summary(long seed, Scale scale, int institutions, int practitioners, int consortia,
                          Map<String, UUID> institutionKeys, Map<String, UUID> consortiumKeys) {
    }

    private DemoCityGenerator() {
    }

    static Summary generate(long seed, Scale scale, List<DistrictView> districts, LocalDate today, CitySink sink) {
        Map<String, DistrictView> byCode = districts.stream()
                .collect(Collectors.toMap(DistrictView::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        var builder = new CityBuilder(seed, today, sink);
        new ShanghaiDemo(builder, byCode).generate();
        new SouthwestDemo(builder, byCode).generate();
        if (scale == Scale.DISTRICT) {
            var fill = new DistrictFill(builder);
            int index = 0;
            for (DistrictView d : byCode.values()) {
                if (d.parentCode() != null && JURISDICTIONS.stream().anyMatch(j -> inside(j, d.code()))) {
                    for (int round = 0; round < DISTRICT_ROUNDS; round++) {
                        fill.fill(d, index++, round);
                    }
                }
            }
        }
        Map<String, UUID> institutions = new LinkedHashMap<>();
        builder.keyedInstitutions().forEach((k, v) -> institutions.put(k, v.id().value()));
        return new Summary(seed, scale, builder.institutions, builder.practitioners, builder.consortia, institutions,
                Map.copyOf(builder.keyedConsortia()));
    }

    private static boolean inside(String jurisdiction, String code) {
        return !code.equals(jurisdiction) && DivisionCode.covers(jurisdiction, code);
    }
}
