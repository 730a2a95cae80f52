package org.medunion.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.diagnostics.ItemList;
import org.medunion.diagnostics.Observation;
import org.medunion.diagnostics.QcLevel;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stores' side of the recognition look-up (P-8): the list in force, the QC records of the orderer and the
 * performers, and the candidate results each come from one query; what they answer must stay what the per-jurisdiction
 * and per-institution queries answered. Nothing is cached: a list version or QC record saved is seen by the next call.
 * Jurisdiction and item codes are unique per test, so the demo city's lists never interfere.
 */
abstract class RecognitionStoresContract {

    @Autowired
    CatalogueStore catalogue;
    @Autowired
    CentreStore centres;
    @Autowired
    ResultStore results;

    private final LocalDate today = LocalDate.now();
    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Test
    void theMostSpecificJurisdictionWithAListValidByTheDayDecides_itsNewestVersion() {
        String district = "D" + tag;
        String city = "C" + tag;
        String province = "P" + tag;
        String item = "IT-" + tag;
        List<String> chain = List.of(district, city, province);
        assertThat(catalogue.inForce(chain, item, today)).as("no list anywhere").isEmpty();

        list(province, 1, today.minusYears(1), item, 90);
        assertThat(catalogue.inForce(chain, item, today)).get().satisfies(f -> {
            assertThat(f.jurisdiction()).isEqualTo(province);
            assertThat(f.windowDays()).isEqualTo(90);
        });
        list(city, 1, today.minusYears(1), item, 30);
        list(city, 2, today.minusDays(1), item, 14);
        list(city, 3, today.plusDays(1), item, 7);
        list(province, 2, today.minusDays(1), item, 60);
        var inForce = catalogue.inForce(chain, item, today).orElseThrow();
        assertThat(inForce.jurisdiction()).as("the city's list beats the province's newer one").isEqualTo(city);
        assertThat(inForce.version()).as("v3 starts tomorrow").isEqualTo(2);
        assertThat(inForce.onList()).isTrue();
        assertThat(inForce.windowDays()).isEqualTo(14);
        assertThat(catalogue.inForce(chain, item, today.plusDays(1)).orElseThrow().windowDays()).as("tomorrow v3").isEqualTo(7);

        list(district, 1, today.minusDays(3), "OTHER-" + tag, 5);
        var district1 = catalogue.inForce(chain, item, today).orElseThrow();
        assertThat(district1.jurisdiction()).as("the district's list decides even without the item").isEqualTo(district);
        assertThat(district1.onList()).isFalse();
        assertThat(district1.windowDays()).isNull();
        list(district, 2, today, item, null);
        var district2 = catalogue.inForce(chain, item, today).orElseThrow();
        assertThat(district2.onList()).as("listed without a window").isTrue();
        assertThat(district2.windowDays()).isNull();
    }

    @Test
    void theQcOfSeveralInstitutions_everyOneAskedPresent_newestFirst_andANewRecordSeenAtOnce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        String item = "QC-" + tag;
        qc(a, item, today.minusYears(2), true);
        qc(a, item, today.minusMonths(6), false);
        qc(a, "OTHER-" + tag, today.minusMonths(1), true);
        qc(b, item, today.minusYears(1), true);

        Map<UUID, List<QcView>> found = centres.qc(Set.of(a, b, none), item);
        assertThat(found).containsOnlyKeys(a, b, none);
        assertThat(found.get(a)).extracting(QcView::validFrom).containsExactly(today.minusMonths(6), today.minusYears(2));
        assertThat(found.get(a)).extracting(QcView::itemCode).containsOnly(item);
        assertThat(found.get(b)).extracting(QcView::passed).containsExactly(true);
        assertThat(found.get(none)).isEmpty();
        assertThat(found.get(a)).isEqualTo(centres.qc(a, item));

        qc(none, item, today, true);
        assertThat(centres.qc(Set.of(none), item).get(none)).as("no stale copy").hasSize(1);
        assertThat(centres.qc(Set.of(), item)).isEmpty();
    }

    @Test
    void theCandidatesOfALookUp_newestFirst_limited_withoutObservations() {
        UUID resident = UUID.randomUUID();
        String item = "RS-" + tag;
        UUID performer = UUID.randomUUID();
        for (int daysAgo : new int[] {40, 3, 400, 10}) {
            results.save(new ResultStore.Row(new ReportId(UUID.randomUUID()), resident, item, performer, null, ReportStatus.FINAL,
                    today.minusDays(daysAgo), false, null, null, null, List.of(new Observation(item, "值", "6.1", "%", null)),
                    Instant.now(), 1, null), "test");
        }
        results.save(new ResultStore.Row(new ReportId(UUID.randomUUID()), resident, "OTHER-" + tag, performer, null,
                ReportStatus.FINAL, today, false, null, null, null, List.of(), Instant.now(), 1, null), "test");

        var rows = results.forLookup(resident, item, 3);
        assertThat(rows).extracting(ResultStore.Row::resultDate)
                .containsExactly(today.minusDays(3), today.minusDays(10), today.minusDays(40));
        assertThat(rows).allSatisfy(r -> assertThat(r.observations()).isEmpty());
        assertThat(results.report(rows.get(0).id().value()).orElseThrow().observations())
                .as("the report itself keeps its observations").extracting(Observation::value).containsExactly("6.1");
    }

    private void list(String jurisdiction, int version, LocalDate from, String item, @Nullable Integer window) {
        catalogue.saveList(new ItemList(UUID.randomUUID(), jurisdiction, version, from, List.of(new ItemList.Entry(item, window)),
                "test", Instant.now()));
    }

    private void qc(UUID institution, String item, LocalDate from, boolean passed) {
        centres.saveQc(new QcView(UUID.randomUUID(), institution, item, passed, QcLevel.PROVINCIAL, "上海", from, from.plusYears(1)),
                "test", Instant.now());
    }
}
