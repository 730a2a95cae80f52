package org.medunion.demo.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.RequestConsultation;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionRecurrence;
import org.medunion.consultation.backfill.ConsultationBackfill;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/**
 * The elderly-care institution's consultations (CN-3, TM-15), through {@link ConsultationBackfill} like the centre's:
 * its physician ({@value DemoNursingHome#ACCOUNT}) asks the backing hospital of its emergency zone — one request answered
 * with a signed opinion awaiting acknowledgement, one waiting for a decision — under the network's TM-1 agreement, with
 * the guardian's consent (TM-2); and one request to the district TCM hospital, past the zone's hospital, which the
 * consultation module records with a TM-15 routing warning (路由提示). The gp's community health centre patrols the
 * institution fortnightly (CN-3 巡诊), although it is not a member of the centre's consortium.
 */
@Component
class DemoZoneConsultations {

    private static final String HOME = DemoNursingHome.ACCOUNT;
    private static final String SPECIALIST = "specialist";
    private static final String GP = "gp";
    private static final long HOUR = 3600;

    private final ConsultationBackfill consultations;
    private final RegistryManagement registry;
    private final ZoneId zone;

    DemoZoneConsultations(ConsultationBackfill consultations, RegistryManagement registry, Clock clock) {
        this.consultations = consultations;
        this.registry = registry;
        this.zone = clock.getZone();
    }

    /** Returns how many consultations were requested. */
    int seed(DemoNursingHome.Home home, UUID centre, Instant now) {
        var signed = request(home, home.zoneHospitalId(), ConsultationType.REMOTE, ConsultationUrgency.URGENT,
                now.minusSeconds(26 * HOUR), "演示：老年患者反复发热三天", "明确感染灶并调整抗感染方案",
                "84 岁，阿尔茨海默病长期卧床，近三天体温 38.2-38.8℃，咳嗽咳痰，血常规白细胞 12.6×10⁹/L", "呼吸与危重症医学科");
        registry.practitioners(new InstitutionId(home.zoneHospitalId())).stream()
                .filter(p -> p.profession() == Profession.PHYSICIAN)
                .min(Comparator.comparing(PractitionerView::titleDate).thenComparing(PractitionerView::name))
                .ifPresent(expert -> {
                    Instant at = now.minusSeconds(25 * HOUR);
                    consultations.accept(signed, new AcceptConsultation(at.plusSeconds(HOUR), expert.id().value(),
                            "演示：远程会诊室 1"), SPECIALIST, at);
                    consultations.step(signed, ConsultationAction.START, null, SPECIALIST, at.plusSeconds(HOUR));
                    consultations.step(signed, ConsultationAction.DRAFT_OPINION,
                            "演示：考虑吸入性肺炎，建议完善胸部 CT，经验性头孢曲松 2 g qd，加强翻身拍背与喂食体位管理，三天后复评", SPECIALIST,
                            at.plusSeconds(2 * HOUR));
                    consultations.step(signed, ConsultationAction.SIGN_OPINION, null, SPECIALIST, at.plusSeconds(2 * HOUR + 300));
                });
        request(home, home.zoneHospitalId(), ConsultationType.REMOTE, ConsultationUrgency.ROUTINE, now.minusSeconds(3 * HOUR),
                "演示：跌倒后髋部疼痛", "评估是否需要转诊手术", "昨日夜间如厕时跌倒，右髋疼痛，活动受限，无意识障碍", "骨科");
        // past the zone's hospital (中片区: the regional medical centre): recorded with a TM-15 routing warning
        request(home, home.otherHospitalId(), ConsultationType.REMOTE, ConsultationUrgency.ROUTINE,
                now.minusSeconds(5 * HOUR), "演示：中风后遗症康复", "中医针灸康复方案", "脑梗死后一年，左侧肢体肌力 3 级，言语欠清", "针灸推拿科");
        patrol(home, centre, now);
        return 3;
    }

    private ConsultationId request(DemoNursingHome.Home home, UUID to, ConsultationType type, ConsultationUrgency urgency,
                                   Instant at, String reason, String purpose, String summary, String specialty) {
        return consultations.request(new RequestConsultation(type, urgency, null, null, to, specialty, null,
                home.residentId(), reason, purpose, at.plusSeconds(24 * HOUR), summary, specialty, "副主任医师",
                ConsentSigner.GUARDIAN, "演示：患者之子", "演示：患者认知功能障碍，由儿子代为签署",
                LocalDate.ofInstant(at, zone), false, null), home.homeId(), HOME, at);
    }

    /** The centre's fortnightly patrol of the institution (CN-3), two months back to two ahead; the past ones held. */
    private void patrol(DemoNursingHome.Home home, UUID centre, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        var command = new CreateSeries(SessionKind.NURSING_HOME_PATROL, "养老机构巡诊", home.homeId(), centre, "全科", null,
                SessionRecurrence.FORTNIGHTLY, DayOfWeek.FRIDAY.getValue(), LocalTime.of(14, 0), 90, today.minusMonths(2),
                today.plusMonths(2));
        var sessions = consultations.series(command, GP, today.minusMonths(2).minusDays(7).atStartOfDay(zone).toInstant());
        for (var s : sessions) {
            Instant recorded = s.startsAt().plusSeconds(90 * 60 + HOUR);
            if (recorded.isAfter(now)) {
                break;
            }
            consultations.hold(s.id(), new RecordSession(List.of(), List.of(home.residentId()), "演示：按计划巡诊"), HOME, recorded);
        }
    }
}
