package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.MembershipRole;
import org.medunion.support.RunningCity;

/**
 * The console over real HTTP with form login, sessions and CSRF (no MockMvc): who may open which page,
 * every role's main pages, the htmx fragments, the register form's field errors, the policy block with
 * the planner's override, and the Excel export. Runs on H2 and PostgreSQL through the subclasses.
 */
abstract class ConsoleHttpContract extends RunningCity {

    static final List<String> MAIN_PAGES = List.of("/", "/console/institutions", "/console/consortia", "/console/grids",
            "/console/dispatches", "/console/change-reports");

    ConsoleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConsoleFixture(registry);
    }

    @Test
    void consolePagesRequireLogin() {
        var anon = ConsoleSession.anonymous(port);
        for (String path : List.of("/", "/console/workspace", "/console/institutions", "/console/consortia",
                "/console/grids", "/console/dispatches", "/console/change-reports", "/console/audit",
                "/console/change-reports/export.xlsx")) {
            var page = anon.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }

    @Test
    void loginPageCarriesCsrfTokenAndWrongPasswordIsRefused() {
        var anon = ConsoleSession.anonymous(port);
        var login = anon.get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(anon.csrfFrom(login.body())).hasSizeGreaterThan(20);
        var refused = anon.post("/login", Map.of("username", "planner", "password", "wrong"), login);
        assertThat(refused.status()).isEqualTo(302);
        // a wrong password and an unknown username are one answer, so the form does not tell which usernames exist
        assertThat(refused.location()).endsWith("/login?error=credentials");
        var page = anon.get("/login?error=credentials");
        assertThat(page.body()).contains("id=\"login-error\"").contains("用户名或密码错误");
    }

    @Test
    void auditTrailIsForbiddenToPlannerWithAFriendlyPage() {
        var page = ConsoleSession.login(port, "planner").get("/console/audit");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("无权访问").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void auditAdministratorSeesTheAuditTrailAndFiltersIt_theSystemAdministratorDoesNot() {
        assertThat(ConsoleSession.login(port, "admin").get("/console/audit").status()).isEqualTo(403);
        var admin = ConsoleSession.login(port, "auditor");
        var page = admin.get("/console/audit");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("审计日志");
        var filtered = admin.getHtmx("/console/audit?actor=nobody-" + UUID.randomUUID());
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).doesNotContain("<html").contains("共 0 条");
    }

    @Test
    void plannerAndAdminMainPagesRender() {
        var consortium = fixture.regionalConsortium(ConsoleFixture.unique("页面联合体"));
        for (String user : List.of("planner", "admin")) {
            var s = ConsoleSession.login(port, user);
            for (String path : MAIN_PAGES) {
                assertThat(s.get(path).status()).as(user + " " + path).isEqualTo(200);
            }
            var detail = s.get("/console/consortia/" + consortium.id());
            assertThat(detail.status()).as(user).isEqualTo(200);
            assertThat(detail.body()).contains(consortium.name()).contains("牵头单位");
            var workspace = s.getHtmx("/console/workspace");
            assertThat(workspace.status()).isEqualTo(200);
            assertThat(workspace.body()).contains("data-chart=\"doughnut\"").contains("区域医联体");
        }
        assertThat(ConsoleSession.login(port, "auditor").getHtmx("/console/workspace").body()).contains("/console/audit");
    }

    /** 等保 安全审计 (issue 10): the auditor's workbench counts the last day's failed logins and links to them. */
    @Test
    void theAuditorsWorkbenchCountsTheLastDaysFailedLoginsAndLinksToThem() {
        var bad = org.medunion.support.Api.anonymous(port).send("POST", "/api/auth/token",
                "{\"username\":\"nobody-" + System.nanoTime() + "\",\"password\":\"wrong-password\"}",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "10.77." + (System.nanoTime() % 200) + ".9"));
        assertThat(bad.status()).isEqualTo(401);
        var card = ConsoleSession.login(port, "auditor").getHtmx("/console/workspace").body();
        var failed = java.util.regex.Pattern.compile("action=LOGIN_FAILED[^\"]*\"[^>]*>\\s*<span class=\"num\">(\\d+)</span>")
                .matcher(card);
        assertThat(failed.find()).as(card).isTrue();
        assertThat(Long.parseLong(failed.group(1))).isPositive();
        assertThat(card).contains("最近 24 小时", "次账户锁定", "次拒绝访问");
        assertThat(ConsoleSession.login(port, "planner").getHtmx("/console/workspace").body()).doesNotContain("audit-alerts");
    }

    @Test
    void officeGpAndSpecialistPagesRenderInTheirScope() {
        ConsortiumView consortium = fixture.regionalConsortium(ConsoleFixture.unique("角色联合体"));
        var lead = consortium.lead().orElseThrow();
        var member = consortium.members().stream().filter(m -> m.role() == MembershipRole.MEMBER).findFirst().orElseThrow();
        String suffix = Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount("office-" + suffix, "demo", "办公室 " + suffix, Role.OFFICE,
                Scope.consortium(consortium.id().value())));
        accounts.ensureAccount(new NewAccount("gp-" + suffix, "demo", "家庭医生 " + suffix, Role.GP,
                Scope.institution(member.institutionId().value())));
        accounts.ensureAccount(new NewAccount("specialist-" + suffix, "demo", "专科医生 " + suffix, Role.SPECIALIST,
                Scope.institution(lead.value())));

        var office = ConsoleSession.login(port, "office-" + suffix);
        for (String path : MAIN_PAGES) {
            assertThat(office.get(path).status()).as("office " + path).isEqualTo(200);
        }
        assertThat(office.getHtmx("/console/workspace").body()).contains(consortium.name());
        var officeDetail = office.get("/console/consortia/" + consortium.id());
        assertThat(officeDetail.status()).isEqualTo(200);
        assertThat(officeDetail.body()).as("office manages its own consortium").contains("add-member");

        for (String user : List.of("gp-" + suffix, "specialist-" + suffix)) {
            var s = ConsoleSession.login(port, user);
            for (String path : MAIN_PAGES) {
                assertThat(s.get(path).status()).as(user + " " + path).isEqualTo(200);
            }
            assertThat(s.getHtmx("/console/workspace").body()).contains(consortium.name());
            assertThat(s.get("/console/audit").status()).isEqualTo(403);
            assertThat(s.get("/console/institutions/new").status()).isEqualTo(403);
        }
    }

    @Test
    void institutionSearchAnswersHtmxWithTheResultsFragment() {
        String name = ConsoleFixture.unique("搜索医院");
        fixture.districtHospital(name);
        var s = ConsoleSession.login(port, "planner");
        var fragment = s.getHtmx("/console/institutions?text=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + "&category=GENERAL_HOSPITAL&district=" + ConsoleFixture.DISTRICT);
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains(name).contains("id=\"results\"").doesNotContain("<html");
        var none = s.getHtmx("/console/institutions?text=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + "&category=VILLAGE_CLINIC");
        assertThat(none.body()).doesNotContain(name);
        assertThat(s.get("/console/institutions?category=NO_SUCH").status()).isEqualTo(400);
    }

    @Test
    void registerFormShowsTheFieldErrorAndWritesNothingThenRegisters() {
        String name = ConsoleFixture.unique("登记医院");
        var s = ConsoleSession.login(port, "planner");
        var form = s.get("/console/institutions/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"_csrf\"");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("name", name, "creditCode", "12310105000000000A",
                "category", "GENERAL_HOSPITAL", "level", "SECONDARY", "grade", "A", "ownership", "PUBLIC",
                "affiliation", "DISTRICT", "districtCode", ConsoleFixture.DISTRICT, "address", "测试路 1 号"));
        var refused = s.post("/console/institutions", fields, form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"field-error\"").contains("GB 32100").contains(name);
        assertThat(countNamed(name)).isZero();

        fields.put("creditCode", ConsoleFixture.creditCode(ConsoleFixture.DISTRICT));
        var created = s.post("/console/institutions", fields, form);
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/console/institutions/").endsWith("?created");
        assertThat(countNamed(name)).isEqualTo(1);
        var detail = s.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(name).contains("机构已登记");
    }

    @Test
    void formPostWithoutCsrfTokenIsRejected() {
        String name = ConsoleFixture.unique("无令牌医院");
        var s = ConsoleSession.login(port, "planner");
        var r = s.postWithoutCsrf("/console/institutions", Map.of("name", name));
        assertThat(r.status()).isEqualTo(403);
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void blockedMemberChangeShowsRuleClauseAndObjectsAndPlannerMayOverride() {
        ConsortiumView consortium = fixture.regionalConsortium(ConsoleFixture.unique("受限联合体"));
        var newcomer = fixture.communityCentre(ConsoleFixture.unique("新成员中心"));
        ConsoleTestGuard.BLOCKED.add(consortium.id());
        try {
            var s = ConsoleSession.login(port, "planner");
            String path = "/console/consortia/" + consortium.id();
            var detail = s.get(path);
            Map<String, String> fields = new java.util.HashMap<>(Map.of("institutionId", newcomer.id().toString(),
                    "role", "MEMBER", "basis", "HOME_DISTRICT", "startDate", "2025-03-01"));
            var blocked = s.post(path + "/members", fields, detail);
            assertThat(blocked.status()).isEqualTo(200);
            assertThat(blocked.body()).contains(ConsoleTestGuard.RULE).contains(ConsoleTestGuard.CLAUSE)
                    .contains("Organization/" + newcomer.id()).contains("name=\"overrideReason\"");
            assertThat(activeMember(consortium, newcomer.id().value())).isFalse();

            fields.put("overrideReason", "卫健委特批：试点");
            var overridden = s.post(path + "/members", fields, blocked);
            assertThat(overridden.status()).isEqualTo(302);
            assertThat(activeMember(consortium, newcomer.id().value())).isTrue();
        } finally {
            ConsoleTestGuard.BLOCKED.remove(consortium.id());
        }
    }

    @Test
    void officeSeesTheBlockButNoOverrideField() {
        ConsortiumView consortium = fixture.regionalConsortium(ConsoleFixture.unique("办公室联合体"));
        var newcomer = fixture.communityCentre(ConsoleFixture.unique("办公室新成员"));
        String office = "office-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(office, "demo", "办公室", Role.OFFICE, Scope.consortium(consortium.id().value())));
        ConsoleTestGuard.BLOCKED.add(consortium.id());
        try {
            var s = ConsoleSession.login(port, office);
            String path = "/console/consortia/" + consortium.id();
            var blocked = s.post(path + "/members", Map.of("institutionId", newcomer.id().toString(), "role", "MEMBER",
                    "basis", "HOME_DISTRICT", "startDate", "2025-03-01", "overrideReason", "自己豁免"), s.get(path));
            assertThat(blocked.status()).isEqualTo(200);
            assertThat(blocked.body()).contains(ConsoleTestGuard.RULE).doesNotContain("name=\"overrideReason\"");
            assertThat(activeMember(consortium, newcomer.id().value())).isFalse();
        } finally {
            ConsoleTestGuard.BLOCKED.remove(consortium.id());
        }
    }

    @Test
    void plannerEndsAMembershipAndDissolvesTheConsortium() {
        ConsortiumView consortium = fixture.regionalConsortium(ConsoleFixture.unique("撤销联合体"));
        var member = consortium.members().stream().filter(m -> m.role() == MembershipRole.MEMBER).findFirst().orElseThrow();
        var s = ConsoleSession.login(port, "planner");
        String path = "/console/consortia/" + consortium.id();
        var ended = s.post(path + "/members/" + member.id() + "/end", Map.of("endDate", "2025-06-30", "reason", "调整"), s.get(path));
        assertThat(ended.status()).isEqualTo(302);
        assertThat(registry.consortium(consortium.id()).orElseThrow().members().stream()
                .filter(m -> m.id().equals(member.id())).findFirst().orElseThrow().endDate()).isNotNull();

        var missingDate = s.post(path + "/dissolve", Map.of("reason", "合并"), s.get(path));
        assertThat(missingDate.status()).isEqualTo(200);
        assertThat(missingDate.body()).contains("class=\"field-error\"").contains("dissolvedOn").doesNotContain("已于");
        var dissolved = s.post(path + "/dissolve", Map.of("dissolvedOn", "2025-12-31", "reason", "合并"), s.get(path));
        assertThat(dissolved.status()).isEqualTo(302);
        assertThat(registry.consortium(consortium.id()).orElseThrow().active()).isFalse();
        var reports = s.get("/console/change-reports?consortium=" + consortium.id());
        assertThat(reports.status()).isEqualTo(200);
        assertThat(reports.body()).contains("撤销").contains("新建");
    }

    @Test
    void changeReportsExportToExcelWithTheSession() {
        var consortium = fixture.regionalConsortium(ConsoleFixture.unique("导出联合体"));
        var s = ConsoleSession.login(port, "planner");
        var xlsx = s.get("/console/change-reports/export.xlsx?consortium=" + consortium.id());
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(new String(xlsx.bytes(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        var report = registry.changeReports(consortium.id()).get(0);
        var detail = s.get("/console/change-reports/" + report.id());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(report.number()).contains(consortium.name());
    }

    @Test
    void unknownOrMalformedIdsGetTheFriendlyNotFoundPageInEitherLanguage() {
        var s = ConsoleSession.login(port, "planner");
        var missing = s.get("/console/consortia/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("页面或记录不存在").doesNotContain("Exception");
        assertThat(s.get("/console/institutions/not-a-uuid").status()).isEqualTo(404);
        assertThat(s.get("/console/change-reports/not-a-uuid").status()).isEqualTo(400);
        var english = s.get("/console/consortia/" + UUID.randomUUID() + "?lang=en");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.body()).contains("Page or record not found");
        assertThat(s.get("/console/consortia").body()).as("language is remembered").contains("Consortia");
        s.get("/console/consortia?lang=zh_CN");
    }

    @Test
    void officeSeesDispatchesAndLogsWorkThroughTheHtmxForm() {
        ConsortiumView consortium = fixture.regionalConsortium(ConsoleFixture.unique("派驻联合体"));
        String expert = ConsoleFixture.unique("专家");
        var dispatch = fixture.withAgreementAndExpert(consortium, expert);
        String office = "office-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(office, "demo", "办公室", Role.OFFICE, Scope.consortium(consortium.id().value())));
        var s = ConsoleSession.login(port, office);

        var page = s.get("/console/dispatches");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(expert).contains("心血管内科").contains("/console/dispatches/" + dispatch.id() + "/work-logs");
        var detail = s.get("/console/consortia/" + consortium.id());
        assertThat(detail.body()).contains("合作协议 " + consortium.name()).contains("按工作量分配医保结余").contains(expert);
        // the agreement's parties by name (a bare variable in a SpEL map index is a string key: it once printed "null")
        String leadName = registry.institution(consortium.lead().orElseThrow()).orElseThrow().name();
        assertThat(detail.body().replaceAll("\\s+", " "))
                .containsPattern("各方</span>: <span>" + java.util.regex.Pattern.quote(leadName) + "、</span>")
                .doesNotContain(">null");

        var logs = s.getHtmx("/console/dispatches/" + dispatch.id() + "/work-logs");
        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.body()).contains("暂无工作记录").contains("name=\"workDate\"").doesNotContain("<html");

        String path = "/console/dispatches/" + dispatch.id() + "/work-logs";
        var outside = s.post(path, Map.of("workDate", "2020-01-06", "hours", "8", "note", "早于派驻"), page);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).contains("class=\"field-error\"").contains("暂无工作记录");
        var logged = s.post(path, Map.of("workDate", "2025-03-04", "hours", "7.5", "note", "专家门诊"), page);
        assertThat(logged.status()).isEqualTo(200);
        assertThat(logged.body()).contains("2025-03-04").contains("专家门诊");
        assertThat(registry.workLogs(dispatch.id())).hasSize(1);
    }

    @Test
    void gridsShowWhoCoversWhomAndFlagUncoveredGrids() {
        var covered = fixture.grid(ConsoleFixture.unique("覆盖网格"), 120_000);
        var uncovered = fixture.grid(ConsoleFixture.unique("空白网格"), 80_000);
        var consortium = fixture.regionalConsortium(ConsoleFixture.unique("网格联合体"), covered.id());
        var page = ConsoleSession.login(port, "planner").get("/console/grids");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("长宁区").contains("310105").contains(consortium.name())
                .contains(consortium.name() + "区域医疗中心").doesNotContain("南宁市");
        assertThat(tileOf(body, covered.name())).doesNotContain("uncovered");
        assertThat(tileOf(body, uncovered.name())).contains("uncovered");
        assertThat(body).contains("120,000");
    }

    /** The opening tag of the grid tile that shows the given grid name. */
    private static String tileOf(String body, String gridName) {
        int at = body.indexOf(gridName);
        assertThat(at).as(gridName).isPositive();
        int tile = body.lastIndexOf("class=\"grid-tile", at);
        return body.substring(tile, body.indexOf('>', tile));
    }

    @Test
    void demoCityAccountsSeeTheirWorkspaces() {
        var present = accounts.accounts().stream().map(a -> a.username()).toList();
        for (String user : List.of("office", "gp", "specialist", "pharmacist", "centre")) {
            if (!present.contains(user)) {
                continue; // the demo city names these accounts only where it has their consortium or institution
            }
            var s = ConsoleSession.login(port, user);
            for (String path : MAIN_PAGES) {
                assertThat(s.get(path).status()).as(user + " " + path).isEqualTo(200);
            }
            var workspace = s.getHtmx("/console/workspace");
            assertThat(workspace.status()).as(user).isEqualTo(200);
            assertThat(workspace.body()).as(user).contains("class=\"card");
        }
    }

    private long countNamed(String name) {
        return registry.countInstitutions(new InstitutionSearch(name, null, null, null, null, null, null, 0, 10));
    }

    @Test
    void theAuditorReadsTheTrailInChineseFiltersPagesExportsAndVerifies() {
        String auditor = "console-auditor-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(auditor, "demo", "审计管理员 " + auditor, Role.AUDITOR, Scope.global()));
        audit.record(org.medunion.audit.AuditAction.READ, "ConsoleContract", UUID.randomUUID().toString());
        var s = ConsoleSession.login(port, auditor);
        var page = s.get("/console/audit");
        assertThat(page.status()).isEqualTo(200);
        // actions and outcomes from the bundles, times to the second in Asia/Shanghai, paging
        assertThat(page.body()).contains("审计日志").contains("查看").contains("成功").contains("第 1 /")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}").doesNotContain(">READ<");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var filtered = s.getHtmx("/console/audit?action=READ&from=" + today + "&to=" + today + "&page=1");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).contains("第 2 /").doesNotContain(">新建<");
        var csv = s.get("/console/audit/export.csv?action=EXPORT");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("id,time,actor");
        var verify = s.post("/console/audit/verify", Map.of(), page);
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body()).contains("审计链完整");
        assertThat(s.get("/console/audit?action=NOPE").status()).isEqualTo(400);
    }

    private boolean activeMember(ConsortiumView consortium, UUID institutionId) {
        return registry.consortium(consortium.id()).orElseThrow().members().stream()
                .anyMatch(m -> m.institutionId().value().equals(institutionId) && m.endDate() == null);
    }
}
