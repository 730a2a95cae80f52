package org.medunion.pharmacy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.pharmacy.PrescreenFinding;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Views of prescriptions in the caller's language, with institution names. */
@Component
class PrescriptionViews {

    private final DrugKnowledge knowledge;
    private final RegistryDirectory registry;
    private final MessageSource messages;

    PrescriptionViews(DrugKnowledge knowledge, RegistryDirectory registry, MessageSource messages) {
        this.knowledge = knowledge;
        this.registry = registry;
        this.messages = messages;
    }

    // ---- views ------------------------------------------------------------------------------------------------

    PrescriptionView view(Prescription p, CurrentUser user) {
        var names = names(List.of(p.prescribingInstitutionId, p.reviewingInstitutionId, p.dispensingInstitutionId));
        var items = p.lines.stream().map(l -> {
            var d = knowledge.drug(l.drugCode());
            return new PrescriptionView.ItemView(l.line(), l.drugCode(), d == null ? l.drugCode() : d.name(), d == null ? "" : d.strength(),
                    l.dose(), l.doseUnit(), l.route(), l.frequency(), l.daysSupply(), l.quantity());
        }).toList();
        var findings = findings(p);
        var allowed = new ArrayList<PrescriptionAction>();
        PrescriptionWorkflow.table().getOrDefault(p.status(), Map.of()).keySet().forEach(allowed::add);
        var g = p.progress();
        return new PrescriptionView(p.id, p.number, g.status(), p.residentId, p.residentName, p.prescribingInstitutionId,
                names.getOrDefault(p.prescribingInstitutionId, ""), p.prescriber, p.reviewingInstitutionId,
                names.getOrDefault(p.reviewingInstitutionId, ""), !p.reviewingInstitutionId.equals(p.prescribingInstitutionId),
                p.encounterType, p.diagnosisCode, p.diagnosisText, p.chronic, p.urgent, p.reason, p.longPrescription, p.maxDays, p.longRule,
                p.assessmentNote, p.patientConfirmed, p.validityDays, items, findings, g.reviewRound(), g.overrideCount(),
                g.overrideReason(),
                g.reviewNote(), g.returnReason(), g.reviewedBy(), g.reviewedAt(), p.dueAt, p.dispensingInstitutionId,
                names.getOrDefault(p.dispensingInstitutionId, ""), p.centralDistribution, p.siteConfirmed, g.dispenseReason(),
                g.dispenseNote(), g.dispensedBy(), g.dispensedAt(), p.submittedAt, p.version(), allowed, p.referralId);
    }

    /** The pre-screen findings in the caller's language. */
    List<PrescreenFinding> findings(Prescription p) {
        return p.findings.stream().map(f -> new PrescreenFinding(f.category(), f.severity(), f.ruleId(), f.drugCodes(),
                message(f.messageKey(), f.arguments().toArray()))).toList();
    }

    Map<UUID, String> names(Collection<UUID> ids) {
        var out = new LinkedHashMap<UUID, String>();
        registry.institutionNames(ids.stream().distinct().map(InstitutionId::new).toList()).forEach((k, v) -> out.put(k.value(), v));
        return out;
    }

    String message(String key, Object... args) {
        String m = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return m == null ? key : m;
    }

}
