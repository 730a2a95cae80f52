package org.medunion.demo.internal;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.DistrictView;

/** The GB/T 2260 divisions of the registry's seed (V2_2), for generator tests that run without the application. */
final class DemoDistricts {

    private DemoDistricts() {
    }

    static List<DistrictView> all() {
        List<DistrictView> list = new ArrayList<>();
        list.add(new DistrictView("310000", "上海市", null, false, 24_870_000));
        String[][] sh = {{"310101", "黄浦区"}, {"310104", "徐汇区"}, {"310105", "长宁区"}, {"310106", "静安区"}, {"310107", "普陀区"},
                {"310109", "虹口区"}, {"310110", "杨浦区"}, {"310112", "闵行区"}, {"310113", "宝山区"}, {"310114", "嘉定区"},
                {"310115", "浦东新区"}, {"310116", "金山区"}, {"310117", "松江区"}, {"310118", "青浦区"}, {"310120", "奉贤区"},
                {"310151", "崇明区"}};
        for (String[] d : sh) {
            list.add(new DistrictView(d[0], d[1], "310000", false, 600_000));
        }
        list.add(new DistrictView("450100", "南宁市", null, false, 8_890_000));
        String[][] nn = {{"450102", "兴宁区"}, {"450103", "青秀区"}, {"450105", "江南区"}, {"450107", "西乡塘区"}, {"450108", "良庆区"},
                {"450109", "邕宁区"}, {"450110", "武鸣区"}, {"450123", "隆安县"}, {"450124", "马山县"}, {"450125", "上林县"},
                {"450126", "宾阳县"}, {"450181", "横州市"}};
        for (String[] d : nn) {
            list.add(new DistrictView(d[0], d[1], "450100", !d[1].endsWith("区"), 500_000));
        }
        list.add(new DistrictView("500000", "重庆市", null, false, 32_130_000));
        String[][] cq = {{"500103", "渝中区"}, {"500106", "沙坪坝区"}, {"500112", "渝北区"}, {"500229", "城口县"}, {"500230", "丰都县"}};
        for (String[] d : cq) {
            list.add(new DistrictView(d[0], d[1], "500000", d[1].endsWith("县"), 400_000));
        }
        return list;
    }
}
