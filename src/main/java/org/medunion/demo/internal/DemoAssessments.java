package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.indicators.AssessmentKind;
import org.medunion.indicators.AssessmentManagement;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.CreateAssessment;
import org.medunion.indicators.Dimension;
import org.medunion.indicators.DimensionEntry;
import org.medunion.indicators.ExternalAssessment;
import org.medunion.indicators.SelfAssessment;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment cycle in the demo city (issue 17), after the demo encounters ({@link DemoEncounters}, order 1): for the
 * consortia with encounters — the office's (长宁), a second Shanghai regional consortium and Nanning's first urban medical
 * group — last year's baseline survey, self-assessed by the consortium's office, assessed by the commission and frozen;
 * and this year's annual assessment, self-assessment submitted for the office's consortium, open for the others. Each
 * step runs through the indicators module's use cases as the person who would do it ({@link ActingAs}), so the demo
 * obeys the workflow, the checks and the audit like live use.
 */
@Component
class DemoAssessments {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);
    private static final Map<Dimension, String> SELF_NOTES = Map.of(
            Dimension.D_1, "网格内居民全覆盖，牵头医院与社区卫生服务中心分工明确。",
            Dimension.D_2, "上下转诊通道畅通，基层首诊比例逐步提高。",
            Dimension.D_3, "门诊与住院效率指标纳入月度监测。",
            Dimension.D_4, "专科医生加入家庭医生团队，定期下沉带教。",
            Dimension.D_5, "号源下沉与药品目录统一持续推进。",
            Dimension.D_6, "财政投入与医保支付政策落实情况良好。",
            Dimension.D_7, "居民满意度调查按季度开展。");

    private final AssessmentManagement assessments;
    private final CityWideRegistry city;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DemoAssessments(AssessmentManagement assessments, CityWideRegistry city, Clock clock, PlatformTransactionManager transactionManager) {
        this.assessments = assessments;
        this.city = city;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** After the city (and, order 1, its encounters) committed, in a transaction of its own: a failure keeps the rest. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(2)
    void on(DemoCityLoaded loaded) {
        long start = System.nanoTime();
        try {
            int year = LocalDate.now(clock).getYear();
            List<Place> places = places(loaded);
            transactions.executeWithoutResult(
                    status -> places.forEach(p -> cycle(p, year, p.consortium().id().equals(loaded.officeConsortium()))));
            log.info("Demo assessments: baseline {} frozen and annual {} opened for {} consortia in {} ms", year - 1, year, places.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo assessments not loaded: {}", e.toString());
        }
    }

    /** A consortium with the commission and the office that assess it. */
    record Place(ConsortiumView consortium, CurrentUser planner, CurrentUser office) {
    }

    private List<Place> places(DemoCityLoaded loaded) {
        var all = city.allConsortia();
        List<Place> out = new ArrayList<>();
        CurrentUser shPlanner = new CurrentUser("planner", "上海市卫健委 规划发展处", Role.PLANNER, Scope.jurisdiction(ShanghaiDemo.CITY));
        CurrentUser nnPlanner = new CurrentUser("planner-nn", "南宁市卫健委 医政医管处", Role.PLANNER, Scope.jurisdiction(SouthwestDemo.NANNING));
        find(all, loaded.officeConsortium()).ifPresent(c -> out.add(new Place(c, shPlanner,
                new CurrentUser("office", "长宁区区域医联体管理办公室", Role.OFFICE, Scope.consortium(c.id().value())))));
        loaded.consortia().entrySet().stream()
                .filter(e -> e.getKey().startsWith("sh.") && e.getKey().endsWith(".regional")
                        && !e.getValue().equals(loaded.officeConsortium()))
                .sorted(Map.Entry.comparingByKey()).findFirst().flatMap(e -> find(all, e.getValue()))
                .ifPresent(c -> out.add(new Place(c, shPlanner, office(c))));
        Optional.ofNullable(loaded.consortia().get("nn.group1")).flatMap(id -> find(all, id))
                .ifPresent(c -> out.add(new Place(c, nnPlanner, office(c))));
        return out;
    }

    private static Optional<ConsortiumView> find(List<ConsortiumView> all, ConsortiumId id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static CurrentUser office(ConsortiumView c) {
        return new CurrentUser("office-" + c.id().value().toString().substring(0, 8), c.name() + " 管理办公室", Role.OFFICE,
                Scope.consortium(c.id().value()));
    }

    private void cycle(Place p, int year, boolean officeConsortium) {
        ActingAs.run(p.planner(), () -> {
            AssessmentView baseline = assessments.create(new CreateAssessment(p.consortium().id().value(), AssessmentKind.BASELINE.name(),
                    year - 1));
            ActingAs.run(p.office(), () -> assessments.selfAssess(baseline.id(), new SelfAssessment(entries(baseline, true))));
            assessments.assessExternally(baseline.id(), new ExternalAssessment(entries(baseline, false), "PASS",
                    "基线调查完成：网格化布局已覆盖辖区，双向转诊与资源下沉处于起步阶段，作为后续年度考核的比较基准。"));
            assessments.freeze(baseline.id());
            AssessmentView annual = assessments
                    .create(new CreateAssessment(p.consortium().id().value(), AssessmentKind.ANNUAL.name(), year));
            if (officeConsortium) {
                ActingAs.run(p.office(), () -> assessments.selfAssess(annual.id(), new SelfAssessment(entries(annual, true))));
            }
            return annual;
        });
    }

    private static List<DimensionEntry> entries(AssessmentView a, boolean self) {
        List<DimensionEntry> out = new ArrayList<>();
        for (Dimension d : a.dimensions()) {
            String rating = d == Dimension.D_1 || d == Dimension.D_2 ? "GOOD" : "PASS";
            out.add(new DimensionEntry(d.id(), rating, d == Dimension.D_1 ? 85 : 75,
                    self ? "牵头单位自评：" + SELF_NOTES.getOrDefault(d, "按年度工作计划推进。") : "卫健委评价：与自评基本一致。",
                    self ? "见年度工作总结及平台指标数据。" : null, self ? "医联体〔" + a.year() + "〕年度工作总结" : null));
        }
        return out;
    }

}
