package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;

/**
 * Issue 18's lists and the integrator's console over real HTTP: the institution export with the page's filters,
 * the security administrator's account list that keeps its filters across an action and picks scopes by name,
 * and the integrator's API keys (issued once, usable as a bearer token, revocable) and workbench health cards.
 */
abstract class ConsoleListsContract extends RunningCity {

    static String tag() {
        return Long.toString(System.nanoTime(), 36);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void institutionsExportAsCsvWithThePagesFiltersAndNamesNotCodes() {
        var fixture = new ConsoleFixture(registry);
        String t = tag();
        fixture.districtHospital("导出测试医院 " + t);
        fixture.communityCentre("导出测试社区 " + t);
        var planner = ConsoleSession.login(port, "planner");
        var page = planner.getHtmx("/console/institutions?text=" + enc(t));
        assertThat(page.body()).contains("/console/institutions/export.csv?text=" + t).contains("长宁区")
                .doesNotContain(">310105<");
        var csv = planner.get("/console/institutions/export.csv?text=" + enc(t) + "&category=COMMUNITY_HEALTH_CENTRE");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.bytes()[0]).as("UTF-8 byte order mark for Excel").isEqualTo((byte) 0xEF);
        String text = csv.body().substring(1);
        assertThat(text.split("\r\n")).hasSize(2); // header + the one community centre: the filter holds
        assertThat(text).startsWith("\"机构名称\",\"类别\",\"等级\"").contains("导出测试社区 " + t).contains("\"长宁区\"")
                .doesNotContain("导出测试医院").doesNotContain("COMMUNITY_HEALTH_CENTRE").doesNotContain("\"310105\"");
    }

    /** The names of the rows, in the order the page shows them, of those that carry the tag. */
    static java.util.List<String> rowNames(String body, String t) {
        var m = Pattern.compile(">([^<>]*" + Pattern.quote(t) + ")</a>").matcher(body);
        var names = new java.util.ArrayList<String>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void institutionsSortByAColumnHeader_bothWays_andTheExportFollows() {
        var fixture = new ConsoleFixture(registry);
        String t = tag();
        fixture.districtHospital("排序 乙医院 " + t);
        fixture.communityCentre("排序 甲社区 " + t);
        fixture.communityCentre("排序 丙社区 " + t);
        var planner = ConsoleSession.login(port, "planner");
        var byLevel = planner.get("/console/institutions?text=" + enc(t) + "&sort=level");
        assertThat(byLevel.status()).isEqualTo(200);
        assertThat(rowNames(byLevel.body(), t)).hasSize(3).last().isEqualTo("排序 乙医院 " + t); // primary before secondary
        assertThat(byLevel.body()).contains("aria-sort=\"ascending\"")
                .as("the header sorts the other way next, keeping the filter")
                .contains("href=\"/console/institutions?text=" + t + "&amp;sort=-level\"")
                .contains("name=\"sort\" value=\"level\"");
        var levelDown = planner.get("/console/institutions?text=" + enc(t) + "&sort=-level");
        assertThat(rowNames(levelDown.body(), t)).first().isEqualTo("排序 乙医院 " + t);
        assertThat(levelDown.body()).contains("aria-sort=\"descending\"");
        var up = rowNames(planner.get("/console/institutions?text=" + enc(t) + "&sort=name").body(), t);
        var down = rowNames(planner.get("/console/institutions?text=" + enc(t) + "&sort=-name").body(), t);
        assertThat(up).hasSize(3); // the order of Chinese names is the database collation's; the other way is its reverse
        var reversed = new java.util.ArrayList<>(up);
        java.util.Collections.reverse(reversed);
        assertThat(down).isEqualTo(reversed);
        String csv = planner.get("/console/institutions/export.csv?text=" + enc(t) + "&sort=-level").body();
        assertThat(csv.indexOf("排序 乙医院")).as("the export keeps the order").isLessThan(csv.indexOf("排序 甲社区"));
        var unknown = planner.get("/console/institutions?text=" + enc(t) + "&sort=creditCode");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("sort").contains("name, level, district");
    }

    @Test
    void consortiaSortByNameMembersAndEstablishment() {
        var planner = ConsoleSession.login(port, "planner");
        var page = planner.get("/console/consortia?sort=-members");
        assertThat(page.status()).isEqualTo(200);
        var counts = Pattern.compile("<td class=\"num-cell\">(\\d+)</td>").matcher(page.body()).results()
                .map(r -> Integer.parseInt(r.group(1))).toList();
        assertThat(counts).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page.body()).contains("aria-sort=\"descending\"").contains("href=\"/console/consortia?sort=members\"");
        var dates = Pattern.compile("<td>(\\d{4}-\\d{2}-\\d{2})</td>").matcher(planner.get("/console/consortia?sort=established")
                .body()).results().map(r -> r.group(1)).toList();
        assertThat(dates).hasSizeGreaterThan(1).isSorted();
        var csv = planner.get("/console/consortia/export.csv?sort=-members");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(planner.get("/console/consortia?sort=lead").status()).isEqualTo(400);
    }

    @Test
    void accountActionsReturnToTheFilteredListAndAReloadPostsNothing() {
        String t = tag();
        for (int i = 0; i < 22; i++) { // more than a page of accounts with one search text
            accounts.ensureAccount(new NewAccount("flt" + t + i, "demo", "筛选测试 " + t, Role.PLANNER, Scope.jurisdiction("310105")));
        }
        var secadmin = ConsoleSession.login(port, "secadmin");
        var list = secadmin.get("/console/accounts?q=" + t + "&role=PLANNER&page=1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("name=\"back\" value=\"q=" + t + "&amp;role=PLANNER&amp;page=1\"")
                .doesNotContain("name=\"scopeReference\" value=\""); // the rows link to the role page, no raw scope field
        var reset = secadmin.post("/console/accounts/flt" + t + "21/reset", Map.of("back", "q=" + t + "&role=PLANNER&page=1"), list);
        assertThat(reset.status()).isEqualTo(302);
        assertThat(reset.location()).endsWith("/console/accounts?q=" + t + "&role=PLANNER&page=1");
        var after = secadmin.get("/console/accounts?q=" + t + "&role=PLANNER&page=1");
        assertThat(after.body()).contains("id=\"temporary-password\"").contains("flt" + t + "21")
                .contains("href=\"/console/accounts?q=" + t + "&amp;role=PLANNER&amp;page=0\"");
        assertThat(secadmin.get("/console/accounts?q=" + t + "&role=PLANNER&page=1").body())
                .as("the temporary password is shown once").doesNotContain("id=\"temporary-password\"");
        // "back" names only the list's own filters: another path is ignored
        var elsewhere = secadmin.post("/console/accounts/flt" + t + "20/disable", Map.of("back", "//evil.example/x?q=1"), list);
        assertThat(elsewhere.location()).endsWith("/console/accounts");
    }

    @Test
    void theScopePickerFindsPlacesConsortiaAndInstitutionsByName_andTheFormSavesTheChoice() {
        var fixture = new ConsoleFixture(registry);
        String t = tag();
        var centre = fixture.communityCentre("选择器社区 " + t);
        var secadmin = ConsoleSession.login(port, "secadmin");
        var places = secadmin.getHtmx("/console/accounts/scopes?scopeType=JURISDICTION&scopeQuery=" + enc("长宁"));
        assertThat(places.status()).isEqualTo(200);
        assertThat(places.body()).contains("<option value=\"310105\">长宁区</option>");
        var institutions = secadmin.getHtmx("/console/accounts/scopes?scopeType=INSTITUTION&scopeQuery=" + enc(t));
        assertThat(institutions.body()).contains("value=\"" + centre.id() + "\"").contains("选择器社区 " + t);
        var kept = secadmin
                .getHtmx("/console/accounts/scopes?scopeType=INSTITUTION&scopeReference=" + centre.id());
        assertThat(kept.body()).as("the current choice stays offered").contains("value=\"" + centre.id() + "\" selected");
        assertThat(secadmin.getHtmx("/console/accounts/scopes?scopeType=INSTITUTION&scopeQuery=" + enc("长宁") + "&scopeReference="
                + centre.id()).body()).as("typing offers only matches").doesNotContain("value=\"" + centre.id() + "\"");
        assertThat(secadmin.getHtmx("/console/accounts/scopes?scopeType=GLOBAL").body()).contains("全平台");
        assertThat(ConsoleSession.login(port, "planner").getHtmx("/console/accounts/scopes?scopeType=JURISDICTION").status())
                .isEqualTo(403);

        var list = secadmin.get("/console/accounts");
        assertThat(list.body()).contains("id=\"create-scope-choices\"").contains("name=\"scopeQuery\"");
        var created = secadmin.post("/console/accounts", Map.of("username", "pick" + t, "displayName", "社区医生 " + t, "role", "GP",
                "scopeType", "INSTITUTION", "scopeReference", centre.id().toString(), "back", ""), list);
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/console/accounts?q=pick" + t);
        var shown = secadmin.get("/console/accounts?q=pick" + t).body();
        assertThat(shown).contains("id=\"temporary-password\"").contains("机构 · 选择器社区 " + t);
        var role = secadmin.get("/console/accounts/pick" + t + "/role?back=" + enc("q=pick" + t));
        assertThat(role.status()).isEqualTo(200);
        assertThat(role.body()).contains("id=\"role-scope-choices\"").contains("value=\"q=pick" + t + "\"");
        var refused = secadmin.post("/console/accounts/pick" + t + "/role", Map.of("role", "PLANNER", "scopeType", "INSTITUTION",
                "scopeReference", centre.id().toString(), "back", "q=pick" + t), role);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"account-role\"");
        var changed = secadmin.post("/console/accounts/pick" + t + "/role", Map.of("role", "PLANNER", "scopeType", "JURISDICTION",
                "scopeReference", "310105", "back", "q=pick" + t), role);
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/console/accounts?q=pick" + t);
        assertThat(secadmin.get("/console/accounts?q=pick" + t).body()).contains("辖区 · 长宁区");
    }

    @Test
    void anIntegratorIssuesAKeyShownOnce_usesItAsABearerToken_andRevokesIt() {
        String t = tag();
        String integrator = integrator("int" + t);
        var s = ConsoleSession.login(port, integrator);
        var page = s.get("/console/api-keys");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"api-key-issue\"").contains("还没有 API 密钥");
        var blank = s.post("/console/api-keys", Map.of("label", " "), page);
        assertThat(blank.status()).isEqualTo(302);
        assertThat(s.get("/console/api-keys").body()).contains("用途说明");
        var issued = s.post("/console/api-keys", Map.of("label", "HIS 转诊接口"), page);
        assertThat(issued.status()).isEqualTo(302);
        var shown = s.get("/console/api-keys").body();
        var secret = Pattern.compile("id=\"issued-key\">[\\s\\S]*?<code>([A-Za-z0-9_-]{40,})</code>").matcher(shown);
        assertThat(secret.find()).as("the key is shown once").isTrue();
        assertThat(s.get("/console/api-keys").body()).doesNotContain(secret.group(1)).contains("HIS 转诊接口");
        assertThat(jdbc.sql("select count(*) from identity_api_token where token_hash = ?")
                .param(sha256(secret.group(1))).query(Long.class).single()).as("only the hash is stored").isEqualTo(1);

        var api = Api.withToken(port, secret.group(1));
        assertThat(api.get("/api/referrals?box=INBOX").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and detail like 'API key issued%'")
                .param(integrator).query(Long.class).single()).isEqualTo(1);

        var id = Pattern.compile("/console/api-keys/([0-9a-f]{12})/revoke").matcher(shown);
        assertThat(id.find()).isTrue();
        var otherSession = ConsoleSession.login(port, integrator("int2" + t));
        var otherPage = otherSession.get("/console/api-keys");
        assertThat(otherSession.post("/console/api-keys/" + id.group(1) + "/revoke", Map.of(), otherPage).status())
                .as("another integrator cannot revoke it").isEqualTo(404);
        assertThat(api.get("/api/referrals?box=INBOX").status()).isEqualTo(200);
        assertThat(s.post("/console/api-keys/" + id.group(1) + "/revoke", Map.of(), page).status()).isEqualTo(302);
        assertThat(api.get("/api/referrals?box=INBOX").status()).isEqualTo(401);

        var gp = ConsoleSession.login(port, "planner");
        var gpPage = gp.get("/");
        assertThat(gp.get("/console/api-keys").status()).isEqualTo(403);
        assertThat(gp.post("/console/api-keys", Map.of("label", "x"), gpPage).status()).isEqualTo(403);
    }

    @Test
    void anIntegratorHoldsAtMostFiveKeys_andTheWorkbenchCountsThemBesideTheWebhookHealth() {
        String integrator = integrator("cap" + tag());
        var s = ConsoleSession.login(port, integrator);
        var page = s.get("/console/api-keys");
        for (int i = 0; i < 6; i++) {
            assertThat(s.post("/console/api-keys", Map.of("label", "key " + i), page).status()).isEqualTo(302);
        }
        assertThat(s.get("/console/api-keys").body()).contains("最多同时持有 5 个");
        assertThat(jdbc.sql("select count(*) from identity_api_token where username = ? and kind = 'API_KEY'")
                .param(integrator).query(Long.class).single()).isEqualTo(5);
        var workbench = s.getHtmx("/console/workspace").body();
        assertThat(workbench).contains("id=\"api-key-card\"").contains("id=\"webhook-card\"").contains("id=\"subscription-card\"");
        assertThat(Pattern.compile("<span class=\"num\">5</span> <span>个有效密钥</span>").matcher(workbench).find()).isTrue();
        assertThat(workbench).contains("id=\"webhook-pending\"");
        var planner = ConsoleSession.login(port, "planner").getHtmx("/console/workspace").body();
        assertThat(planner).doesNotContain("id=\"api-key-card\"").doesNotContain("id=\"webhook-card\"");
    }

    /** A new integrator account of 长宁区 with the demo password. */
    String integrator(String username) {
        accounts.ensureAccount(new NewAccount(username, "demo", "区中心医院 HIS " + username, Role.INTEGRATOR, Scope.jurisdiction("310105")));
        return username;
    }

    static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
