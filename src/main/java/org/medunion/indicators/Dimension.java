package org.medunion.indicators;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The seven dimensions of a consortium's assessment (indicators-assessment.md (c), from seed 000 SH and seed 002 NN),
 * with the indicators and national criteria that give each its figures. D-4 基层服务能力提升 is Shanghai's only: where
 * a jurisdiction applies the NN pack and not the SH pack, the six of Nanning apply ({@link #applicable}).
 */
public enum Dimension {

    /** 网格化布局: NAT-1 and the grid coverage it checks; no indicator value of its own. */
    D_1("D-1", List.of(), List.of("NAT-1")),
    /** 就医秩序. */
    D_2("D-2", List.of(Indicator.I_1, Indicator.I_2, Indicator.I_3, Indicator.I_12, Indicator.I_22, Indicator.I_30), List.of("NAT-12")),
    /** 服务效能. */
    D_3("D-3", List.of(Indicator.I_4, Indicator.I_5, Indicator.I_6, Indicator.I_7, Indicator.I_10, Indicator.I_20,
            Indicator.I_23, Indicator.I_24, Indicator.I_27), List.of("NAT-9")),
    /** 基层服务能力提升 (SH only). */
    D_4("D-4", List.of(Indicator.I_11, Indicator.I_16, Indicator.I_21, Indicator.I_28, Indicator.I_31, Indicator.I_34), List.of("NAT-11")),
    /** 运营管理. */
    D_5("D-5", List.of(Indicator.I_8, Indicator.I_9, Indicator.I_14, Indicator.I_25, Indicator.I_26, Indicator.I_29),
            List.of("NAT-6", "NAT-8")),
    /** 保障机制: I-33 (insurance violations) has no platform source yet ("no data"); NAT-14 and NAT-15 are manual evidence. */
    D_6("D-6", List.of(Indicator.I_33), List.of("NAT-14", "NAT-15")),
    /** 满意度评价: I-32 (surveys) has no platform source yet ("no data"). */
    D_7("D-7", List.of(Indicator.I_32), List.of());

    private final String id;
    private final List<Indicator> indicators;
    private final List<String> criteria;

    Dimension(String id, List<Indicator> indicators, List<String> criteria) {
        this.id = id;
        this.indicators = indicators;
        this.criteria = criteria;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The indicators whose values the dimension shows, in the spec's order. */
    public List<Indicator> indicators() {
        return indicators;
    }

    /** The national criteria (NAT-x) whose platform evidence the dimension shows beside its indicators. */
    public List<String> criteria() {
        return criteria;
    }

    /** The dimension an indicator is shown under; empty for none (none today: every built indicator has one). */
    public static Optional<Dimension> of(Indicator indicator) {
        return Arrays.stream(values()).filter(d -> d.indicators.contains(indicator)).findFirst();
    }

    public static Optional<Dimension> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equalsIgnoreCase(id.strip()) || d.name().equalsIgnoreCase(id.strip()))
                .findFirst();
    }

    /**
     * The dimensions assessed in a division applying {@code packs}: all seven (SH's list, and the default where no seed
     * names them), without D-4 where NN applies and SH does not (seed 002 names six).
     */
    public static List<Dimension> applicable(Collection<String> packs) {
        boolean nanning = packs.contains("NN") && !packs.contains("SH");
        return Arrays.stream(values()).filter(d -> !(nanning && d == D_4)).toList();
    }
}
