package org.medunion.bench;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.medunion.pharmacy.internal.DrugKnowledge;
import org.medunion.pharmacy.internal.Prescreen;

/**
 * Issue 16: pre-screening a 5-item prescription against the full demo knowledge set (formulary, dose ranges,
 * interactions incl. TCM–western pairs, contraindications) — goal p99 &lt; 10 ms. A program, not a timed unit test:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.medunion.bench.PrescreenBenchmark}.
 * Prints p50/p99 over 200,000 screens after 50,000 warm-up screens, rotating three prescriptions (clean, duplicated,
 * interacting with contraindications) and an elderly, pregnant, allergic patient.
 */
public final class PrescreenBenchmark {

    private PrescreenBenchmark() {
    }

    public static void main(String[] args) {
        long load = System.nanoTime();
        DrugKnowledge knowledge = DrugKnowledge.load();
        double loadMs = (System.nanoTime() - load) / 1e6;
        var screen = new Prescreen(knowledge);
        List<List<Prescreen.Line>> prescriptions = List.of(
                List.of(line(knowledge, "F0001", "5", "QD"), line(knowledge, "F0034", "500", "BID"), line(knowledge, "F0059", "20", "QN"),
                        line(knowledge, "F0085", "20", "QD"),
                        line(knowledge, "F0018", "25", "BID")),
                List.of(line(knowledge, "F0001", "5", "QD"), line(knowledge, "F0002", "30", "QD"), line(knowledge, "F0011", "80", "QD"),
                        line(knowledge, "F0012", "150", "QD"),
                        line(knowledge, "F0069", "100", "QD")),
                List.of(line(knowledge, "F0072", "2.5", "QD"), line(knowledge, "F0259", "10", "TID"), line(knowledge, "F0069", "400", "QD"),
                        line(knowledge, "F0190", "0.5", "TID"),
                        line(knowledge, "F0138", "5", "TID")));
        List<Prescreen.Patient> patients = List.of(new Prescreen.Patient(70, false, Set.of()),
                new Prescreen.Patient(30, true, Set.of("PENICILLIN")), new Prescreen.Patient(8, false, Set.of("NSAID")));
        int warm = 50_000;
        int runs = 200_000;
        long sink = 0;
        for (int i = 0; i < warm; i++) {
            sink += screen.screen(prescriptions.get(i % 3), patients.get(i % 3)).size();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            sink += screen.screen(prescriptions.get(i % 3), patients.get(i % 3)).size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("knowledge: %d drugs, %d interactions; load %.1f ms%n", knowledge.drugs().size(), knowledge.interactionCount(),
                loadMs);
        System.out.printf("5-item pre-screen over %,d runs: p50 %.1f µs, p99 %.1f µs, max %.1f µs (findings total %d)%n", runs,
                nanos[runs / 2] / 1e3, nanos[(int) (runs * 0.99)] / 1e3, nanos[runs - 1] / 1e3, sink);
    }

    private static Prescreen.Line line(DrugKnowledge knowledge, String code, String dose, String frequency) {
        var drug = knowledge.drug(code);
        return new Prescreen.Line(code, new BigDecimal(dose), drug == null ? "" : drug.doseUnit(), frequency);
    }
}
