package org.medunion.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.IngestReport.RowError;

/**
 * The figures of an import job (decision 0267): rows done only grow and end at the total, rejected rows count once
 * they are reached, and a chunk refused on the write's re-check lists every one of its rows — with its own reason or
 * {@code batch} — and adds nothing to the accepted rows; a chunk with no row left after the checks is processed too.
 */
class EncounterImportWorkTest {

    @Test
    void rowsDoneGrowChunkByChunk_rejectedRowsCountWhenReached_aRefusedChunkRejectsAllItsRows() {
        var work = new EncounterImportWork(10);
        work.refuse(List.of(new RowError(2, "kind", "format"), new RowError(2, "occurred_at", "format")));
        work.refuse(List.of(new RowError(8, "sourceRecordId", "duplicate")));

        var first = work.chunk(List.of(1, 3, 4), 4, new IngestReport(null, 3, 2, 1, 0, 2, List.of()));
        assertThat(first).isEqualTo(new EncounterImportStore.Figures(4, 3, 2, 1, 0, 1));

        var refused = work.chunk(List.of(5, 6, 7), 7, new IngestReport("INDICATORS-0001", 3, 0, 0, 0, 0,
                List.of(new RowError(6, "institutionId", "unknown"))));
        assertThat(refused).as("nothing of the refused chunk is accepted").isEqualTo(new EncounterImportStore.Figures(7, 3, 2, 1, 0, 4));

        var noneWritten = work.chunk(List.of(), 9, null);
        assertThat(noneWritten).as("a chunk whose rows all failed the checks writes nothing and is processed")
                .isEqualTo(new EncounterImportStore.Figures(9, 3, 2, 1, 0, 5));

        var end = work.end();
        assertThat(end).isEqualTo(new EncounterImportStore.Figures(10, 3, 2, 1, 0, 5));
        assertThat(work.rejected()).extracting(e -> e.row() + ":" + e.field() + ":" + e.rule()).containsExactly(
                "2:kind:format", "2:occurred_at:format", "5:*:batch", "6:institutionId:unknown", "7:*:batch",
                "8:sourceRecordId:duplicate");
    }
}
