package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Decisions 0231 and 0238's figures: how long a 50,000-row result file takes when imported in one request, and as an
 * import job in the background (one row per report, one resident). Run by hand:
 * {@code -Dmedunion.timing=true -Dtest=ResultImportTiming*Test}.
 */
@EnabledIfSystemProperty(named = "medunion.timing", matches = "true")
abstract class ResultImportTiming extends RunningCity {

    @Autowired
    DiagnosticsManagement diagnostics;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** 50,000 rows of one report each for the fixture's resident, and the lab's staff as the caller. */
    List<List<String>> fiftyThousand(DiagnosticsFixture w, String tag) {
        String id = jdbc.sql("select id_number from residents_resident where id = ?").param(w.resident).query(String.class).single();
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("report_number", "id_number", "item_code", "result_date", "value", "unit"));
        for (int i = 0; i < 50_000; i++) {
            table.add(List.of(tag + "-" + i, id, w.hba1c, w.today.minusDays(i % 300).toString(), "6." + (i % 10), "%"));
        }
        var caller = new CurrentUser(w.centreStaff, "Centre", Role.CENTRE_STAFF, Scope.institution(w.lead));
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));
        return table;
    }

    @Test
    void fiftyThousandRowsAsAJob() throws InterruptedException {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        var table = fiftyThousand(w, "J");
        long[] ms = new long[2];
        ImportJobView[] ends = new ImportJobView[2];
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            var job = diagnostics.startImport(null, "timing.csv", table);
            long acceptedMs = (System.nanoTime() - start) / 1_000_000;
            ImportJobView now = job;
            while (!now.status().ended()) {
                Thread.sleep(200);
                now = diagnostics.importJob(job.id());
            }
            ms[run] = (System.nanoTime() - start) / 1_000_000;
            ends[run] = now;
            System.out.printf("%s result import job timing: run %d accepted in %d ms, %s after %d ms (created=%d existing=%d)%n",
                    getClass().getSimpleName(), run + 1, acceptedMs, now.status(), ms[run], now.created(), now.existing());
        }
        assertThat(ends[0].created()).isEqualTo(50_000);
        assertThat(ends[1].existing()).isEqualTo(50_000);
    }

    @Test
    void fiftyThousandRowsInOneRequest() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        var table = fiftyThousand(w, "T");
        long start = System.nanoTime();
        var result = diagnostics.importResults(null, table);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        var again = diagnostics.importResults(null, table);
        long againMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                getClass().getSimpleName() + " result import timing: 50000 rows created=%d in %d ms; repeated existing=%d in %d ms%n",
                result.created(),
                firstMs, again.existing(), againMs);
        assertThat(result.created()).isEqualTo(50_000);
        assertThat(again.existing()).isEqualTo(50_000);
    }
}
