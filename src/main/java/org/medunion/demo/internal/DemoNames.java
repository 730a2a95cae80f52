package org.medunion.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Demo-data content: Chinese names of people, streets and disciplines (fictional people, real places). */
final class DemoNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玉梅鹏飞红斌宇浩凯婷雪琳晨欣怡子涵思远志强海燕立新晓东春梅丽华永红建平";

    /** Clinical disciplines used for departments, key specialties and dispatched experts (distinct for SH-9). */
    static final List<String> DISCIPLINES = List.of("心血管内科", "呼吸与危重症医学科", "消化内科", "神经内科", "内分泌科",
            "普通外科", "骨科", "泌尿外科", "妇产科", "儿科", "肿瘤科", "急诊医学科", "重症医学科", "医学影像科", "检验科", "康复医学科");

    /** Streets (街道 / 镇) of the Shanghai districts the demo city draws grids and community centres in. */
    static final Map<String, List<String>> STREETS = Map.ofEntries(
            Map.entry("310101", List.of("外滩街道", "南京东路街道", "半淞园路街道", "打浦桥街道", "淮海中路街道", "瑞金二路街道", "五里桥街道", "老西门街道", "豫园街道")),
            Map.entry("310104",
                    List.of("天平路街道", "湖南路街道", "斜土路街道", "枫林路街道", "长桥街道", "田林街道", "虹梅路街道", "康健新村街道", "徐家汇街道", "凌云路街道", "龙华街道", "漕河泾街道",
                            "华泾镇")),
            Map.entry("310105", List.of("华阳路街道", "江苏路街道", "新华路街道", "周家桥街道", "天山路街道", "仙霞新村街道", "虹桥街道", "程家桥街道", "北新泾街道", "新泾镇")),
            Map.entry("310106",
                    List.of("江宁路街道", "石门二路街道", "南京西路街道", "静安寺街道", "曹家渡街道", "天目西路街道", "北站街道", "宝山路街道", "芷江西路街道", "共和新路街道", "大宁路街道", "彭浦新村街道",
                            "临汾路街道", "彭浦镇")),
            Map.entry("310107", List.of("曹杨新村街道", "长风新村街道", "长寿路街道", "甘泉路街道", "石泉路街道", "宜川路街道", "万里街道", "真如镇街道", "长征镇", "桃浦镇")),
            Map.entry("310109", List.of("欧阳路街道", "曲阳路街道", "广中路街道", "嘉兴路街道", "凉城新村街道", "四川北路街道", "北外滩街道", "江湾镇街道")),
            Map.entry("310110",
                    List.of("定海路街道", "平凉路街道", "江浦路街道", "四平路街道", "控江路街道", "长白新村街道", "延吉新村街道", "殷行街道", "大桥街道", "五角场街道", "新江湾城街道", "长海路街道")),
            Map.entry("310112", List.of("江川路街道", "古美街道", "新虹街道", "浦锦街道", "莘庄镇", "七宝镇", "颛桥镇", "华漕镇", "虹桥镇", "梅陇镇", "吴泾镇", "马桥镇", "浦江镇")),
            Map.entry("310113", List.of("吴淞街道", "张庙街道", "友谊路街道", "杨行镇", "月浦镇", "罗店镇", "顾村镇", "高境镇", "庙行镇", "淞南镇", "大场镇")),
            Map.entry("310114", List.of("新成路街道", "真新街道", "嘉定镇街道", "南翔镇", "安亭镇", "马陆镇", "徐行镇", "华亭镇", "外冈镇", "江桥镇")),
            Map.entry("310115",
                    List.of("潍坊新村街道", "陆家嘴街道", "周家渡街道", "塘桥街道", "上钢新村街道", "南码头路街道", "沪东新村街道", "金杨新村街道", "洋泾街道", "浦兴路街道", "花木街道", "川沙新镇",
                            "高桥镇", "北蔡镇", "张江镇", "三林镇", "惠南镇", "周浦镇")),
            Map.entry("310116", List.of("石化街道", "朱泾镇", "枫泾镇", "张堰镇", "亭林镇", "吕巷镇", "廊下镇", "金山卫镇", "漕泾镇", "山阳镇")),
            Map.entry("310117", List.of("岳阳街道", "永丰街道", "方松街道", "中山街道", "泗泾镇", "佘山镇", "车墩镇", "新桥镇", "洞泾镇", "九亭镇", "泖港镇")),
            Map.entry("310118", List.of("夏阳街道", "盈浦街道", "香花桥街道", "朱家角镇", "练塘镇", "金泽镇", "赵巷镇", "徐泾镇", "华新镇", "重固镇", "白鹤镇")),
            Map.entry("310120", List.of("西渡街道", "奉浦街道", "金海街道", "南桥镇", "奉城镇", "庄行镇", "金汇镇", "四团镇", "青村镇", "柘林镇", "海湾镇")),
            Map.entry("310151", List.of("城桥镇", "堡镇", "新河镇", "庙镇", "竖新镇", "向化镇", "三星镇", "港沿镇", "中兴镇", "陈家镇", "长兴镇", "横沙乡")));

    private static final List<String> GENERIC_STREET_SUFFIXES = List.of("东", "西", "南", "北", "中", "新城", "城关", "河西", "江北", "滨江", "工业园", "湖滨");

    private DemoNames() {
    }

    static String person(SplittableRandom random) {
        char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
        int givenLength = random.nextInt(3) == 0 ? 1 : 2;
        StringBuilder name = new StringBuilder().append(surname);
        for (int i = 0; i < givenLength; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** Streets of a district: the real ones where the demo city knows them, otherwise made-up but plausible. */
    static List<String> streets(String districtCode, String districtName) {
        List<String> known = STREETS.get(districtCode);
        if (known != null) {
            return known;
        }
        String stem = shortName(districtName);
        return GENERIC_STREET_SUFFIXES.stream().map(s -> stem + s + "街道").toList();
    }

    /** 长宁区 → 长宁, 浦东新区 → 浦东, 忠县 → 忠县 (single-character stems keep their suffix). */
    static String shortName(String districtName) {
        for (String suffix : List.of("新区", "区", "县", "市")) {
            if (districtName.endsWith(suffix) && districtName.length() - suffix.length() >= 2) {
                return districtName.substring(0, districtName.length() - suffix.length());
            }
        }
        return districtName;
    }

    /** 华阳路街道 → 华阳路, 新泾镇 → 新泾. */
    static String streetStem(String street) {
        for (String suffix : List.of("街道", "镇", "乡")) {
            if (street.endsWith(suffix)) {
                return street.substring(0, street.length() - suffix.length());
            }
        }
        return street;
    }
}
