package org.medunion.fhir.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.FeePayer;
import org.medunion.consultation.RetentionClass;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.QcLevel;
import org.medunion.diagnostics.QualityRejection;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.fhir.internal.diagnostics.CentreOrderCode;
import org.medunion.fhir.internal.diagnostics.CentreOrderState;
import org.medunion.fhir.internal.pharmacy.PrescriptionIssue;
import org.medunion.fhir.internal.pharmacy.ReviewMitigation;
import org.medunion.pharmacy.ControlClass;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.NotDispensedReason;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.policy.PolicyThresholds;
import org.medunion.referral.BookingKind;
import org.medunion.referral.DestinationType;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.RejectionReason;
import org.medunion.referral.Urgency;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.Profession;
import org.medunion.registry.Title;
import org.medunion.scheduling.Priority;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SlotPool;
import org.medunion.shared.InvalidInputException;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * MedUnion's own code systems, generated from the Java enums (codes are the constant names in
 * lower-case kebab form: {@code TECHNICAL_SUPPORT → technical-support}), with zh-CN display text and an
 * English designation from the {@code i18n/fhir} bundle. Also the stable error codes (from every
 * {@code error.*} key of the application's bundles) and the rule IDs of rules.md. Every coded element
 * the FHIR facade emits can be looked up at {@code /fhir/CodeSystem/<name>}.
 */
@Component
class Terminology {

    static final String ORGANIZATION_TYPE = "organization-type";
    static final String CONSORTIUM_FORM = "consortium-form";
    static final String GOVERNANCE_TYPE = "governance-type";
    static final String MEMBERSHIP_ROLE = "membership-role";
    static final String MEMBERSHIP_BASIS = "membership-basis";
    static final String INSTITUTION_CATEGORY = "institution-category";
    static final String HOSPITAL_LEVEL = "hospital-level";
    static final String HOSPITAL_GRADE = "hospital-grade";
    static final String OWNERSHIP = "ownership";
    static final String AFFILIATION = "affiliation";
    static final String KEY_SPECIALTY_LEVEL = "key-specialty-level";
    static final String PRACTITIONER_TITLE = "practitioner-title";
    static final String PROFESSION = "profession";
    static final String PRACTITIONER_ROLE = "practitioner-role";
    static final String MANAGER_ROLE = "manager-role";
    static final String REFERRAL_DIRECTION = "referral-direction";
    static final String REFERRAL_URGENCY = "referral-urgency";
    static final String REJECTION_REASON = "rejection-reason";
    static final String DESTINATION_TYPE = "destination-type";
    static final String REFERRAL_STATUS = "referral-status";
    static final String BOOKING_KIND = "booking-kind";
    static final String REFERRAL_TASK_PARAMETER = "referral-task-parameter";
    static final String CONSULTATION_TASK_PARAMETER = "consultation-task-parameter";
    static final String CONSULTATION_TYPE = "consultation-type";
    static final String CONSULTATION_STATUS = "consultation-status";
    static final String CONSENT_SIGNER = "consent-signer";
    static final String CONSULTATION_FEE_PAYER = "consultation-fee-payer";
    static final String RETENTION_CLASS = "retention-class";
    static final String SLOT_POOL = "slot-pool";
    static final String SCHEDULE_KIND = "schedule-kind";
    static final String BOOKING_PRIORITY = "booking-priority";
    static final String PRESCRIPTION_STATUS = "prescription-status";
    static final String NOT_DISPENSED_REASON = "not-dispensed-reason";
    static final String DRUG_CONTROL_CLASS = "drug-control-class";
    static final String PRESCRIPTION_ISSUE = "prescription-issue";
    static final String REVIEW_MITIGATION = "review-mitigation";
    static final String PRESCRIPTION_ENCOUNTER = "prescription-encounter";
    static final String CENTRE_ORDER = "centre-order";
    static final String CENTRE_ORDER_STATE = "centre-order-state";
    static final String CENTRE_ORDER_REJECTION = "centre-order-rejection";
    static final String RECOGNITION_OUTCOME = "recognition-outcome";
    static final String QC_LEVEL = "qc-level";
    static final String REEXAMINATION_REASON = "reexamination-reason";
    static final String RECOGNITION_SCOPE = "recognition-scope";
    static final String ERROR = "error";
    static final String RULE = "rule";

    private static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put(ORGANIZATION_TYPE, OrganizationKind.class);
        ENUMS.put(CONSORTIUM_FORM, ConsortiumForm.class);
        ENUMS.put(GOVERNANCE_TYPE, GovernanceType.class);
        ENUMS.put(MEMBERSHIP_ROLE, MembershipRole.class);
        ENUMS.put(MEMBERSHIP_BASIS, MembershipBasis.class);
        ENUMS.put(INSTITUTION_CATEGORY, InstitutionCategory.class);
        ENUMS.put(HOSPITAL_LEVEL, HospitalLevel.class);
        ENUMS.put(HOSPITAL_GRADE, HospitalGrade.class);
        ENUMS.put(OWNERSHIP, Ownership.class);
        ENUMS.put(AFFILIATION, Affiliation.class);
        ENUMS.put(KEY_SPECIALTY_LEVEL, KeySpecialtyLevel.class);
        ENUMS.put(PRACTITIONER_TITLE, Title.class);
        ENUMS.put(PROFESSION, Profession.class);
        ENUMS.put(PRACTITIONER_ROLE, StaffRole.class);
        ENUMS.put(MANAGER_ROLE, ManagerRole.class);
        // referral and scheduling: every code a ServiceRequest, Task, Schedule, Slot or Appointment carries
        ENUMS.put(REFERRAL_DIRECTION, ReferralDirection.class);
        ENUMS.put(REFERRAL_URGENCY, Urgency.class);
        ENUMS.put(REJECTION_REASON, RejectionReason.class);
        ENUMS.put(DESTINATION_TYPE, DestinationType.class);
        ENUMS.put(REFERRAL_STATUS, ReferralStatus.class);
        ENUMS.put(BOOKING_KIND, BookingKind.class);
        ENUMS.put(REFERRAL_TASK_PARAMETER, ReferralTaskParameter.class);
        ENUMS.put(CONSULTATION_TASK_PARAMETER, ConsultationTaskParameter.class);
        ENUMS.put(CONSULTATION_TYPE, ConsultationType.class);
        ENUMS.put(CONSULTATION_STATUS, ConsultationStatus.class);
        ENUMS.put(CONSENT_SIGNER, ConsentSigner.class);
        ENUMS.put(CONSULTATION_FEE_PAYER, FeePayer.class);
        ENUMS.put(RETENTION_CLASS, RetentionClass.class);
        ENUMS.put(SLOT_POOL, SlotPool.class);
        ENUMS.put(SCHEDULE_KIND, ScheduleKind.class);
        ENUMS.put(BOOKING_PRIORITY, Priority.class);
        ENUMS.put(PRESCRIPTION_STATUS, PrescriptionStatus.class);
        ENUMS.put(PRESCRIPTION_ENCOUNTER, EncounterType.class);
        ENUMS.put(NOT_DISPENSED_REASON, NotDispensedReason.class);
        ENUMS.put(DRUG_CONTROL_CLASS, ControlClass.class);
        ENUMS.put(PRESCRIPTION_ISSUE, PrescriptionIssue.class);
        ENUMS.put(REVIEW_MITIGATION, ReviewMitigation.class);
        // diagnostics (issue 15): orders to a centre, recognition decisions, QC levels
        ENUMS.put(CENTRE_ORDER, CentreOrderCode.class);
        ENUMS.put(CENTRE_ORDER_STATE, CentreOrderState.class);
        ENUMS.put(CENTRE_ORDER_REJECTION, QualityRejection.class);
        ENUMS.put(RECOGNITION_OUTCOME, DecisionOutcome.class);
        ENUMS.put(QC_LEVEL, QcLevel.class);
    }

    /** A named rule parameter inside a rule's text: {@code {slots}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final FhirMessages messages;
    private final Map<String, CodeSystem> codeSystems = new LinkedHashMap<>();
    private final Map<String, ValueSet> valueSets = new LinkedHashMap<>();

    Terminology(FhirMessages messages, Environment environment, PolicyThresholds thresholds) {
        this.messages = messages;
        ENUMS.forEach((name, type) -> {
            var concepts = new LinkedHashMap<String, String[]>();
            for (Enum<?> constant : type.getEnumConstants()) {
                String code = code(constant);
                concepts.put(code, new String[] {label(name, code, FhirMessages.ZH), label(name, code, FhirMessages.EN)});
            }
            register(name, concepts, CodeSystem.CodeSystemContentMode.COMPLETE);
        });
        register(REEXAMINATION_REASON, reexaminationReasons(), CodeSystem.CodeSystemContentMode.COMPLETE);
        // the marks are issued with each QC pass ("全国HR", "重庆HR"): codes exist, but no list of them does
        register(RECOGNITION_SCOPE, Map.of(), CodeSystem.CodeSystemContentMode.NOTPRESENT);
        register(ERROR, errorCodes(environment), CodeSystem.CodeSystemContentMode.COMPLETE);
        register(RULE, ruleCodes(thresholds), CodeSystem.CodeSystemContentMode.COMPLETE);
    }

    /** {@code TECHNICAL_SUPPORT → technical-support}. */
    static String code(Enum<?> constant) {
        return Systems.code(constant);
    }

    /** A coding of one of our enums, with its zh-CN display. */
    Coding coding(String name, Enum<?> constant) {
        String code = code(constant);
        return new Coding(Systems.codeSystem(name), code, label(name, code, FhirMessages.ZH));
    }

    /**
     * The enum constant for {@code code}; an unknown code is a 400 naming {@code field} and listing the
     * codes allowed.
     */
    <E extends Enum<E>> E parse(String name, Class<E> type, String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> code(c).equals(code.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "request.unknownValue", code,
                        Arrays.stream(type.getEnumConstants()).map(Terminology::code).collect(Collectors.joining(", "))));
    }

    /** Whether {@code system} is the canonical URL of the named code system. */
    static boolean is(String name, String system) {
        return Systems.codeSystem(name).equals(system);
    }

    List<CodeSystem> codeSystems() {
        return List.copyOf(codeSystems.values());
    }

    Optional<CodeSystem> codeSystem(String id) {
        return Optional.ofNullable(codeSystems.get(id));
    }

    List<ValueSet> valueSets() {
        return List.copyOf(valueSets.values());
    }

    Optional<ValueSet> valueSet(String id) {
        return Optional.ofNullable(valueSets.get(id));
    }

    private String label(String name, String code, Locale locale) {
        String text = messages.find("cs." + name + "." + code, locale);
        return text == null ? code : text;
    }

    private void register(String name, Map<String, String[]> concepts, CodeSystem.CodeSystemContentMode content) {
        var cs = new CodeSystem();
        cs.setId(name);
        cs.setUrl(Systems.codeSystem(name));
        cs.setVersion("1");
        cs.setName(computableName(name));
        cs.setTitle(messages.get("cs." + name + ".title", FhirMessages.ZH));
        cs.setDescription(messages.get("cs." + name + ".title", FhirMessages.EN));
        cs.setLanguage("zh-CN");
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setExperimental(false);
        cs.setPublisher("MedUnion");
        cs.setCaseSensitive(true);
        cs.setValueSet(Systems.valueSet(name));
        cs.setContent(content);
        if (content != CodeSystem.CodeSystemContentMode.NOTPRESENT) {
            cs.setCount(concepts.size());
        }
        concepts.forEach((code, labels) -> {
            var concept = cs.addConcept().setCode(code).setDisplay(labels[0]);
            if (labels[1] != null && !labels[1].isBlank()) {
                concept.addDesignation().setLanguage("en").setValue(labels[1]);
            }
        });
        codeSystems.put(name, cs);

        var vs = new ValueSet();
        vs.setId(name);
        vs.setUrl(Systems.valueSet(name));
        vs.setVersion("1");
        vs.setName(computableName(name));
        vs.setTitle(cs.getTitle());
        vs.setDescription(cs.getDescription());
        vs.setLanguage("zh-CN");
        vs.setStatus(PublicationStatus.ACTIVE);
        vs.setExperimental(false);
        vs.setPublisher("MedUnion");
        vs.getCompose().addInclude().setSystem(cs.getUrl()).setVersion(cs.getVersion());
        valueSets.put(name, vs);
    }

    /** {@code membership-role → MembershipRole} (CodeSystem.name must be computer-friendly). */
    private static String computableName(String name) {
        return Arrays.stream(name.split("-")).map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                .collect(Collectors.joining());
    }

    /** The re-examination reasons by their practice codes 01–08, 98, 99 (diagnostics.md B5), not by constant name. */
    private Map<String, String[]> reexaminationReasons() {
        var codes = new LinkedHashMap<String, String[]>();
        for (ReexaminationReason r : ReexaminationReason.values()) {
            codes.put(r.code(), new String[] {label(REEXAMINATION_REASON, r.code(), FhirMessages.ZH),
                    label(REEXAMINATION_REASON, r.code(), FhirMessages.EN)});
        }
        return codes;
    }

    /** Every {@code error.<code>} key of the application's bundles, zh-CN text with the English one. */
    private static Map<String, String[]> errorCodes(Environment environment) {
        String basenames = environment.getProperty("spring.messages.basename", "messages");
        var zh = new TreeMap<String, String>();
        var en = new TreeMap<String, String>();
        for (String basename : basenames.split(",")) {
            collect(basename.trim() + ".properties", zh);
            collect(basename.trim() + "_en.properties", en);
        }
        collect("i18n/fhir.properties", zh);
        collect("i18n/fhir_en.properties", en);
        var codes = new LinkedHashMap<String, String[]>();
        zh.forEach((key, text) -> {
            if (key.startsWith("error.")) {
                String code = key.substring("error.".length());
                codes.put(code, new String[] {text, en.get(key)});
            }
        });
        return codes;
    }

    /**
     * The rule IDs of rules.md with their text ({@code fhir/rule-codes.properties}); a named placeholder such as
     * {@code {slots}} is the rule's parameter as the policy module publishes it (the seed's value: a code system is not
     * per jurisdiction), so no number is restated here.
     */
    private static Map<String, String[]> ruleCodes(PolicyThresholds thresholds) {
        var rules = new TreeMap<String, String>(Terminology::compareRuleIds);
        var props = new Properties();
        load("fhir/rule-codes.properties", props);
        props.forEach((k, v) -> rules.put(k.toString(), PARAMETER.matcher(v.toString())
                .replaceAll(m -> Matcher.quoteReplacement("{" + thresholds.threshold(k.toString(), m.group(1), null).value() + "}"))));
        var codes = new LinkedHashMap<String, String[]>();
        rules.forEach((id, text) -> codes.put(id, new String[] {text, text}));
        return codes;
    }

    private static int compareRuleIds(String a, String b) {
        String[] pa = a.split("-");
        String[] pb = b.split("-");
        int c = pa[0].compareTo(pb[0]);
        if (c != 0 || pa.length < 2 || pb.length < 2) {
            return c != 0 ? c : a.compareTo(b);
        }
        try {
            return Integer.compare(Integer.parseInt(pa[1]), Integer.parseInt(pb[1]));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static void collect(String path, Map<String, String> into) {
        var props = new Properties();
        load(path, props);
        props.forEach((k, v) -> into.putIfAbsent(k.toString(), v.toString()));
    }

    private static void load(String path, Properties props) {
        var resource = new ClassPathResource(path);
        if (!resource.exists()) {
            return;
        }
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static List<String> names() {
        var names = new ArrayList<>(ENUMS.keySet());
        names.add(REEXAMINATION_REASON);
        names.add(RECOGNITION_SCOPE);
        names.add(ERROR);
        names.add(RULE);
        return names;
    }
}
