-- Reference data: the cities and districts MedUnion knows, with GB/T 2260 codes and rough resident
-- populations (7th census, 2020, rounded). Counties (县, and the county-level city 横州市) have county
-- medical communities rather than regional consortia.
insert into registry_district (code, name, parent_code, county, population) values
    ('310000', '上海市', null, false, 24870000),
    ('450100', '南宁市', null, false, 8740000),
    ('500000', '重庆市', null, false, 32050000);

insert into registry_district (code, name, parent_code, county, population) values
    ('310101', '黄浦区', '310000', false, 662000),
    ('310104', '徐汇区', '310000', false, 1113000),
    ('310105', '长宁区', '310000', false, 693000),
    ('310106', '静安区', '310000', false, 976000),
    ('310107', '普陀区', '310000', false, 1240000),
    ('310109', '虹口区', '310000', false, 757000),
    ('310110', '杨浦区', '310000', false, 1243000),
    ('310112', '闵行区', '310000', false, 2653000),
    ('310113', '宝山区', '310000', false, 2235000),
    ('310114', '嘉定区', '310000', false, 1834000),
    ('310115', '浦东新区', '310000', false, 5682000),
    ('310116', '金山区', '310000', false, 823000),
    ('310117', '松江区', '310000', false, 1909000),
    ('310118', '青浦区', '310000', false, 1271000),
    ('310120', '奉贤区', '310000', false, 1141000),
    ('310151', '崇明区', '310000', false, 638000);

insert into registry_district (code, name, parent_code, county, population) values
    ('450102', '兴宁区', '450100', false, 500000),
    ('450103', '青秀区', '450100', false, 1040000),
    ('450105', '江南区', '450100', false, 780000),
    ('450107', '西乡塘区', '450100', false, 1640000),
    ('450108', '良庆区', '450100', false, 540000),
    ('450109', '邕宁区', '450100', false, 300000),
    ('450110', '武鸣区', '450100', false, 600000),
    ('450123', '隆安县', '450100', true, 320000),
    ('450124', '马山县', '450100', true, 400000),
    ('450125', '上林县', '450100', true, 350000),
    ('450126', '宾阳县', '450100', true, 800000),
    ('450181', '横州市', '450100', true, 890000);

insert into registry_district (code, name, parent_code, county, population) values
    ('500103', '渝中区', '500000', false, 589000),
    ('500106', '沙坪坝区', '500000', false, 1480000),
    ('500112', '渝北区', '500000', false, 2190000),
    ('500229', '城口县', '500000', true, 197000),
    ('500230', '丰都县', '500000', true, 557000);
