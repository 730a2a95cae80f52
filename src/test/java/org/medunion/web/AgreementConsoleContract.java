package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.MembershipView;
import org.medunion.registry.TargetArea;
import org.medunion.support.RunningCity;

/**
 * The consortium page's record-agreement form (issue 13): the managers' duties (SH-7) and quantified targets
 * (SH-17) are entered there and shown on the agreement; a bad target row comes back naming its field with nothing
 * written; the consortium's own office may record, a GP may not.
 */
abstract class AgreementConsoleContract extends RunningCity {

    private ConsoleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConsoleFixture(registry);
    }

    private static List<Map.Entry<String, String>> form(ConsortiumView c, String title, String value, String dueBy) {
        var fields = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("type", "COOPERATION"), Map.entry("title", title),
                Map.entry("termStart", "2025-01-01"), Map.entry("termEnd", "2027-12-31"), Map.entry("signedOn", "2024-12-20"),
                Map.entry("managerDuties", "院长主持全面工作")));
        c.members().stream().map(MembershipView::institutionId).forEach(i -> fields.add(Map.entry("parties", i.toString())));
        // two rows, the first left blank (ignored), the second a target
        for (String[] row : List.of(new String[] {"", "", "", "", ""}, new String[] {"TECHNOLOGY", "推广适宜技术", value, "项", dueBy})) {
            fields.add(Map.entry("targetArea", row[0]));
            fields.add(Map.entry("targetIndicator", row[1]));
            fields.add(Map.entry("targetValue", row[2]));
            fields.add(Map.entry("targetUnit", row[3]));
            fields.add(Map.entry("targetDueBy", row[4]));
        }
        return fields;
    }

    @Test
    void SH17_officeRecordsAnAgreementWithDutiesAndTargetsThroughTheConsortiumPage() {
        ConsortiumView c = fixture.regionalConsortium(ConsoleFixture.unique("指标联合体"));
        String office = "office-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(office, "demo", "办公室", Role.OFFICE, Scope.consortium(c.id().value())));
        var s = ConsoleSession.login(port, office);
        String path = "/console/consortia/" + c.id();
        var page = s.get(path);
        assertThat(page.body()).contains("id=\"record-agreement\"").contains("name=\"targetIndicator\"").contains("name=\"managerDuties\"");

        var bad = s.post(path + "/agreements", form(c, "坏指标协议", "很多", "2026-06-30"), page);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("field-error");
        assertThat(registry.agreements(c.id())).isEmpty();
        var outside = s.post(path + "/agreements", form(c, "超期指标协议", "3", "2028-01-01"), page);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).contains("2028-01-01");
        assertThat(registry.agreements(c.id())).isEmpty();

        var saved = s.post(path + "/agreements", form(c, "指标协议", "5", "2027-12-31"), page);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var agreement = registry.agreements(c.id()).get(0);
        assertThat(agreement.managerDuties()).isEqualTo("院长主持全面工作");
        assertThat(agreement.targets()).singleElement().satisfies(t -> {
            assertThat(t.area()).isEqualTo(TargetArea.TECHNOLOGY);
            assertThat(String.valueOf(t.value())).isEqualTo("5");
        });
        assertThat(s.get(path).body()).contains("推广适宜技术").contains("院长主持全面工作");
    }

    @Test
    void SH17_aGpMayNotRecordAnAgreement() {
        ConsortiumView c = fixture.regionalConsortium(ConsoleFixture.unique("医生联合体"));
        var s = ConsoleSession.login(port, "gp");
        var r = s.post("/console/consortia/" + c.id() + "/agreements", form(c, "医生协议", "5", "2027-12-31"), s.get("/"));
        assertThat(r.status()).isIn(403, 404);
        assertThat(registry.agreements(c.id())).isEmpty();
    }
}
