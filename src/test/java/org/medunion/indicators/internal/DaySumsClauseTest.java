package org.medunion.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's day-row filter has one branch per distinct span, not one per institution (docs/benchmarks.md P-3). */
class DaySumsClauseTest {

    @Test
    void institutionsSharingASpanShareOneBranch() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate feb = LocalDate.of(2026, 2, 1);
        LocalDate mar = LocalDate.of(2026, 3, 1);
        var where = new StringBuilder();
        var params = new ArrayList<Object>();
        DaySums.clause(List.of(new DaySums.Window(a, jan, mar), new DaySums.Window(b, jan, mar), new DaySums.Window(c, feb, mar),
                new DaySums.Window(a, feb, mar)), "local_day", where, params);
        assertThat(where.toString()).isEqualTo("(institution_id in (?, ?) and local_day >= ? and local_day < ?)"
                + " or (institution_id in (?, ?) and local_day >= ? and local_day < ?)");
        assertThat(params).containsExactly(a, b, jan, mar, c, a, feb, mar);
    }

    @Test
    void aWindowReadsWholeClosedMonthsFromMonthRows_andEveryOtherStretchFromDayRows() {
        UUID a = UUID.randomUUID();
        var days = new ArrayList<DaySums.Window>();
        var months = new ArrayList<DaySums.Window>();
        var closed = Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1));
        // Jan 10..31 (an edge), Feb and Mar (closed), Apr (open), May (closed), Jun 1..14 (an edge)
        DaySums.split(new DaySums.Window(a, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 6, 15)), closed, days, months);
        assertThat(months).containsExactly(new DaySums.Window(a, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 1)),
                new DaySums.Window(a, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1)));
        assertThat(days).containsExactly(new DaySums.Window(a, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 1)),
                new DaySums.Window(a, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)),
                new DaySums.Window(a, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15)));
        // a window inside one closed month is all days
        days.clear();
        months.clear();
        DaySums.split(new DaySums.Window(a, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20)), closed, days, months);
        assertThat(months).isEmpty();
        assertThat(days).containsExactly(new DaySums.Window(a, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20)));
    }
}
