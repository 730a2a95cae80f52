package org.medunion.demo.internal;

import static org.medunion.demo.internal.ShanghaiDemo.BAOSHAN;
import static org.medunion.demo.internal.ShanghaiDemo.CHANGNING;
import static org.medunion.demo.internal.ShanghaiDemo.CHONGMING;
import static org.medunion.demo.internal.ShanghaiDemo.FENGXIAN;
import static org.medunion.demo.internal.ShanghaiDemo.HONGKOU;
import static org.medunion.demo.internal.ShanghaiDemo.HUANGPU;
import static org.medunion.demo.internal.ShanghaiDemo.JIADING;
import static org.medunion.demo.internal.ShanghaiDemo.JINGAN;
import static org.medunion.demo.internal.ShanghaiDemo.JINSHAN;
import static org.medunion.demo.internal.ShanghaiDemo.MINHANG;
import static org.medunion.demo.internal.ShanghaiDemo.PUDONG;
import static org.medunion.demo.internal.ShanghaiDemo.PUTUO;
import static org.medunion.demo.internal.ShanghaiDemo.QINGPU;
import static org.medunion.demo.internal.ShanghaiDemo.SONGJIANG;
import static org.medunion.demo.internal.ShanghaiDemo.XUHUI;
import static org.medunion.demo.internal.ShanghaiDemo.YANGPU;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medunion.registry.MembershipBasis;

/** Which municipal hospitals give technical support to each Shanghai district's regional consortium (SH-3..5). */
final class ShanghaiTechnicalSupport {

    private ShanghaiTechnicalSupport() {
    }

    /** A municipal hospital giving technical support to a district's regional consortium, and why there (SH-5). */
    record Support(String key, MembershipBasis basis) {
    }

    private static List<Support> support(Object... keyAndBasis) {
        List<Support> list = new ArrayList<>();
        for (int i = 0; i < keyAndBasis.length; i += 2) {
            list.add(new Support((String) keyAndBasis[i], (MembershipBasis) keyAndBasis[i + 1]));
        }
        return list;
    }

    /** Technical-support hospitals per district and their basis (SH-3, SH-4, SH-5). */
    static Map<String, List<Support>> byDistrict() {
        Map<String, List<Support>> m = new LinkedHashMap<>();
        m.put(HUANGPU, support("sh.m16", MembershipBasis.HOME_DISTRICT));
        m.put(XUHUI, support("sh.m12", MembershipBasis.HOME_DISTRICT));
        m.put(CHANGNING, support("sh.m11", MembershipBasis.BRANCH_CAMPUS, "sh.tcm3", MembershipBasis.COUNTERPART_SUPPORT));
        m.put(JINGAN, support("sh.m11", MembershipBasis.HOME_DISTRICT));
        // SH-3 violation: three municipal general hospitals support 普陀
        m.put(PUTUO, support("sh.m11", MembershipBasis.COUNTERPART_SUPPORT, "sh.m12", MembershipBasis.COUNTERPART_SUPPORT,
                "sh.m13", MembershipBasis.BRANCH_CAMPUS));
        m.put(HONGKOU, support("sh.m16", MembershipBasis.COUNTERPART_SUPPORT, "sh.int2", MembershipBasis.HOME_DISTRICT));
        m.put(YANGPU, support("sh.m13", MembershipBasis.HOME_DISTRICT));
        m.put(MINHANG, support("sh.m14", MembershipBasis.HOME_DISTRICT));
        m.put(BAOSHAN, support("sh.m13", MembershipBasis.COUNTERPART_SUPPORT));
        // SH-4 violation: 第十一人民医院 in 静安 (home), 长宁, 普陀 and 嘉定
        m.put(JIADING, support("sh.m11", MembershipBasis.PLANNED_CAMPUS));
        m.put(PUDONG, support("sh.m15", MembershipBasis.HOME_DISTRICT));
        m.put(JINSHAN, support("sh.tcm3", MembershipBasis.COUNTERPART_SUPPORT));
        m.put(SONGJIANG, support("sh.m14", MembershipBasis.BRANCH_CAMPUS));
        // SH-5 finding: 第十六人民医院 in 青浦 without campus or counterpart-support basis
        m.put(QINGPU, support("sh.tcm3", MembershipBasis.COUNTERPART_SUPPORT, "sh.m16", MembershipBasis.OTHER));
        m.put(FENGXIAN, support("sh.m15", MembershipBasis.BRANCH_CAMPUS));
        m.put(CHONGMING, support("sh.m15", MembershipBasis.COUNTERPART_SUPPORT, "sh.tcm3", MembershipBasis.COUNTERPART_SUPPORT));
        return m;
    }
}
