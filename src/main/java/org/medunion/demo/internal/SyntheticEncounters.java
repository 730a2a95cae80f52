package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;

/**
 * A year (or any run of days) of synthetic encounters at a chosen scale (quality.md "Synthetic city"), streamed day by
 * day to a {@link Sink} and never held: memory is the site list and one record at a time. Deterministic by seed: each
 * (site, day) draws from its own random stream, so the same seed, sites and days give the same records whatever the
 * sink does with them (chunks, COPY, the backfill API).
 *
 * <p>Shapes: an institution's size by its category (and a per-site factor); a winter peak and the Spring Festival dip;
 * fewer visits at weekends; emergencies; discharges at the hospitals (and a few at community centres) with a length of
 * stay, operations by level and a DRG weight. Sites of a consortium marked {@code missesTargets} keep patients longer
 * and do fewer level-4 operations (NN-9's I-5 and I-6 missed), the others meet them.
 */
public final class SyntheticEncounters {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 春节 (first day of the lunar year): visits drop for about ten days around it. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(2024, LocalDate.of(2024, 2, 10),
            2025, LocalDate.of(2025, 1, 29), 2026, LocalDate.of(2026, 2, 17), 2027, LocalDate.of(2027, 2, 6),
            2028, LocalDate.of(2028, 1, 26), 2029, LocalDate.of(2029, 2, 13), 2030, LocalDate.of(2030, 2, 3));
    private static final String[] OUTPATIENT_DX = {"J06.9", "I10", "E11.9", "K29.7", "M54.5", "J20.9", "N39.0", "R51"};
    private static final String[] INPATIENT_DX = {"I63.9", "I21.0", "J18.9", "K80.2", "S72.0", "C34.9", "O80.0", "I50.0"};

    /** Visits a year: {@code district} ~1M residents, {@code city} ~10M (quality.md). */
    public enum Scale {

        DEMO(200_000, 300), DISTRICT(10_000_000, 3_100), CITY(100_000_000, 9_000);

        public final long visitsPerYear;
        /** Institutions of a synthetic site list at this scale ({@link #sites}). */
        public final int institutions;

        Scale(long visitsPerYear, int institutions) {
            this.visitsPerYear = visitsPerYear;
            this.institutions = institutions;
        }

        public static Scale parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown encounter scale '" + value + "' (demo, district, city)");
            }
        }
    }

    /** One institution that reports encounters; {@code district} and {@code consortium} only group the sites. */
    public record Site(UUID institution, InstitutionCategory category, String district, @Nullable UUID consortium,
                       boolean lead, boolean missesTargets) {

        public boolean primary() {
            return category.isPrimary();
        }
    }

    /** Receives the records in day order; {@link #endOfDay} after each day (a chunk boundary). */
    public interface Sink {

        void encounter(EncounterRecord r);

        default void endOfDay(LocalDate day) {
        }
    }

    /** What was generated. */
    public record Summary(long visits, long discharges, long operations, long level4, int days) {

        public long records() {
            return visits + discharges;
        }
    }

    private SyntheticEncounters() {
    }

    /** Relative outpatient volume of a category (a district general hospital = 100). */
    static double weight(InstitutionCategory c) {
        return switch (c) {
            case GENERAL_HOSPITAL -> 100;
            case TCM_HOSPITAL, INTEGRATED_HOSPITAL -> 45;
            case SPECIALTY_HOSPITAL, MATERNAL_CHILD -> 30;
            case REHAB -> 6;
            case COMMUNITY_HEALTH_CENTRE -> 22;
            case TOWNSHIP_HOSPITAL -> 14;
            case COMMUNITY_HEALTH_STATION -> 4;
            case VILLAGE_CLINIC -> 2;
            case NURSING_HOME, HOSPICE -> 1;
            case PUBLIC_HEALTH -> 3;
        };
    }

    /** Discharges per outpatient visit (0: no beds). */
    static double dischargeRate(InstitutionCategory c) {
        return switch (c) {
            case GENERAL_HOSPITAL -> 1 / 11.0;
            case TCM_HOSPITAL, INTEGRATED_HOSPITAL -> 1 / 14.0;
            case SPECIALTY_HOSPITAL, MATERNAL_CHILD -> 1 / 10.0;
            case REHAB -> 1 / 4.0;
            case TOWNSHIP_HOSPITAL -> 1 / 40.0;
            case COMMUNITY_HEALTH_CENTRE -> 1 / 90.0;
            default -> 0;
        };
    }

    /** Winter peak (+20 % in mid-January), Spring Festival dip (-55 % to -30 % for ten days), weekends lower. */
    static double season(LocalDate day) {
        double s = 1 + 0.2 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 15) / 365.0);
        LocalDate festival = SPRING_FESTIVAL.get(day.getYear() + (day.getMonth().compareTo(Month.JUNE) > 0 ? 1 : 0));
        if (festival != null) {
            long from = ChronoUnit.DAYS.between(festival, day);
            if (from >= -3 && from <= 6) {
                s *= from >= 0 && from <= 3 ? 0.45 : 0.7;
            }
        }
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> s * 0.75;
            case SUNDAY -> s * 0.6;
            default -> s * 1.1;
        };
    }

    /**
     * A synthetic city of {@code institutions} sites in {@code districts} districts (codes 310101…), in consortia of
     * one general hospital (the lead) with the primary sites around it; every seventh consortium misses the NN-9
     * targets. For benchmarks and tests that need no registry.
     */
    public static List<Site> sites(long seed, int institutions, int districts) {
        var random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        InstitutionCategory[] round = {InstitutionCategory.GENERAL_HOSPITAL, InstitutionCategory.GENERAL_HOSPITAL,
                InstitutionCategory.TCM_HOSPITAL, InstitutionCategory.MATERNAL_CHILD, InstitutionCategory.PUBLIC_HEALTH,
                InstitutionCategory.SPECIALTY_HOSPITAL, InstitutionCategory.SPECIALTY_HOSPITAL, InstitutionCategory.REHAB,
                InstitutionCategory.REHAB, InstitutionCategory.HOSPICE, InstitutionCategory.NURSING_HOME,
                InstitutionCategory.NURSING_HOME, InstitutionCategory.NURSING_HOME};
        var out = new ArrayList<Site>(institutions);
        UUID consortium = null;
        boolean misses = false;
        int consortia = 0;
        for (int i = 0; i < institutions; i++) {
            int slot = i % 45; // about 45 sites a district round, like the registry's district generator
            InstitutionCategory category = slot < round.length ? round[slot]
                    : slot < 25 ? InstitutionCategory.COMMUNITY_HEALTH_CENTRE : InstitutionCategory.COMMUNITY_HEALTH_STATION;
            String district = String.format(Locale.ROOT, "3101%02d", 1 + (i / 45) % districts);
            boolean lead = category == InstitutionCategory.GENERAL_HOSPITAL;
            if (lead) {
                consortium = new UUID(seed, 0x5C00_0000L + consortia);
                misses = consortia++ % 7 == 3;
            }
            boolean member = lead || category.isPrimary() && random.nextInt(4) != 0;
            out.add(new Site(new UUID(seed, i + 1L), category, district, member ? consortium : null, lead, member && misses));
        }
        return out;
    }

    /** Streams {@code days} days from {@code from} of encounters at the given sites, scaled to {@code visitsPerYear}. */
    public static Summary generate(long seed, long visitsPerYear, List<Site> sites, LocalDate from, int days, Sink sink) {
        double total = 0;
        double[] size = new double[sites.size()];
        for (int i = 0; i < size.length; i++) {
            var r = new SplittableRandom(mix(seed, i, -1));
            size[i] = weight(sites.get(i).category()) * (0.5 + r.nextDouble());
            total += size[i];
        }
        double perDay = visitsPerYear / 365.0 / total / 0.98; // season() averages about 0.98
        int residents = (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, visitsPerYear / 10)); // ~1M per 10M visits
        long[] counts = new long[4];
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            double season = season(day);
            for (int i = 0; i < size.length; i++) {
                var random = new SplittableRandom(mix(seed, i, day.toEpochDay()));
                day(sites.get(i), i, day, size[i] * perDay * season, new Draw(random, residents), sink, counts);
            }
            sink.endOfDay(day);
        }
        return new Summary(counts[0], counts[1], counts[2], counts[3], days);
    }

    /** One (site, day)'s random stream and the size of the resident pool. */
    private record Draw(SplittableRandom random, int residents) {

        /** One in five records names no resident (the HIS does not know them). */
        @Nullable
        ResidentId resident() {
            return random.nextInt(5) == 0 ? null : new ResidentId(new UUID(0x5E51_DE47L, random.nextInt(residents)));
        }
    }

    private static void day(Site site, int index, LocalDate day, double mean, Draw draw, Sink sink, long[] counts) {
        SplittableRandom random = draw.random();
        InstitutionId institution = new InstitutionId(site.institution());
        int visits = poisson(mean, random);
        boolean hospital = site.category().isHospital();
        String prefix = "S" + index + "-" + day.toEpochDay() + "-";
        for (int v = 0; v < visits; v++) {
            boolean emergency = random.nextInt(100) < (hospital ? 10 : 2);
            int minute = emergency ? random.nextInt(24 * 60) : 8 * 60 + random.nextInt(9 * 60);
            Instant at = day.atStartOfDay(ZONE).plusMinutes(minute).toInstant();
            sink.encounter(new EncounterRecord(prefix + "V" + v, institution,
                    emergency ? EncounterKind.EMERGENCY : EncounterKind.OUTPATIENT, at, null, draw.resident(),
                    OUTPATIENT_DX[random.nextInt(OUTPATIENT_DX.length)], null, null, List.of()));
        }
        counts[0] += visits;
        int discharges = poisson(mean * dischargeRate(site.category()), random);
        for (int n = 0; n < discharges; n++) {
            discharge(site, institution, day, prefix + "D" + n, draw, sink, counts);
        }
        counts[1] += discharges;
    }

    private static void discharge(Site site, InstitutionId institution, LocalDate day, String id, Draw draw, Sink sink,
                                  long[] counts) {
        SplittableRandom random = draw.random();
        boolean rehab = site.category() == InstitutionCategory.REHAB;
        double meanStay = rehab ? 21 : site.missesTargets() ? 8.6 : 6.4;
        int stay = Math.max(1, (int) Math.round(meanStay * Math.exp(0.45 * random.nextGaussian() - 0.1)));
        Instant discharged = day.atStartOfDay(ZONE).plusMinutes(9 * 60 + random.nextInt(6 * 60)).toInstant();
        Instant admitted = day.minusDays(stay).atStartOfDay(ZONE).plusMinutes(8 * 60 + random.nextInt(12 * 60)).toInstant();
        var levels = new ArrayList<Integer>(2);
        boolean surgical = !rehab && site.category().isHospital() && random.nextInt(100) < 42;
        int level4Share = site.missesTargets() ? 6 : 15;
        for (int o = surgical ? 1 + (random.nextInt(5) == 0 ? 1 : 0) : 0; o > 0; o--) {
            int p = random.nextInt(100);
            levels.add(p < level4Share ? 4 : p < level4Share + 28 ? 3 : p < level4Share + 60 ? 2 : 1);
        }
        counts[2] += levels.size();
        counts[3] += levels.stream().filter(l -> l == 4).count();
        double weight = Math.exp(0.5 * random.nextGaussian() - 0.1) * (levels.contains(4) ? 2.2 : levels.isEmpty() ? 0.8 : 1.3);
        BigDecimal drg = BigDecimal.valueOf(Math.round(Math.min(99, Math.max(0.05, weight)) * 10_000), 4);
        sink.encounter(new EncounterRecord(id, institution, EncounterKind.INPATIENT, discharged, admitted, draw.resident(),
                INPATIENT_DX[random.nextInt(INPATIENT_DX.length)], random.nextInt(20) == 0 ? null : drg, null, levels));
    }

    /** Knuth's method for small means, a rounded normal approximation above 30. */
    static int poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static long mix(long seed, int site, long day) {
        long h = seed * 0x9E3779B97F4A7C15L + site * 0xC2B2AE3D27D4EB4FL + day * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ h >>> 33;
    }
}
