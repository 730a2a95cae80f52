package org.medunion.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.Slice;

/**
 * The referral module's facade. Every read is scoped to the caller (the sending or receiving institution,
 * the consortium's desk) and audited with the resident as subject; every change is one transaction that
 * records the transition (who, when, why) and publishes the matching event through the outbox.
 */
public interface ReferralManagement {

    /** Creates a draft, or submits at once (R-4's Idempotency-Key is handled by the shared IdempotencyFilter). */
    ReferralView create(CreateReferral command);

    ReferralView submit(ReferralId id);

    /**
     * TM-16 (consultation.md): the receiving institution's clinician makes, on the sending side's behalf, the
     * referral a consultation's requester authorised them to make — from {@code command.fromInstitutionId()} to the
     * caller's institution, submitted at once. The consultation module checks the authorisation; here the caller
     * must work at the receiving institution and the sending institution must care for the resident.
     */
    ReferralView createAuthorised(CreateReferral command);

    ReferralView accept(ReferralId id, AcceptReferral command);

    ReferralView reject(ReferralId id, RejectReferral command);

    ReferralView redirect(ReferralId id, RedirectReferral command);

    ReferralView arrive(ReferralId id);

    ReferralView complete(ReferralId id, CompleteReferral command);

    ReferralView cancel(ReferralId id, @Nullable String reason);

    /** Audited read. */
    ReferralView get(ReferralId id);

    /** Audited read of the transition records, oldest first. */
    List<TransitionView> timeline(ReferralId id);

    /** Audited list: the caller's outbox, inbox or desk queue (overdue first), optionally by status. */
    List<ReferralView> list(ReferralBox box, ReferralStatus status, int limit);

    /** One page of the caller's box ({@link #list}) cut in SQL from {@code offset}, with the count of all it holds. */
    Slice<ReferralView> list(ReferralBox box, ReferralStatus status, int limit, int offset);

    /**
     * The caller's whole box as an export (at most {@link #EXPORT_LIMIT} rows, the list's order), audited per
     * referral as an export with the resident as subject.
     */
    List<ReferralView> export(ReferralBox box, ReferralStatus status);

    /** Rows an export of a box holds at most. */
    int EXPORT_LIMIT = 5_000;

    /**
     * Referrals visible to the caller filtered by receiving and/or sending institution, resident and status,
     * newest first (audited per row) — what FHIR {@code Task?owner=&status=} and integrators use.
     */
    List<ReferralView> search(UUID toInstitutionId, UUID fromInstitutionId, UUID residentId, ReferralStatus status, int limit);

    /** One page of {@link #search(UUID, UUID, UUID, ReferralStatus, int)} cut in SQL, with the count of all matches. */
    Slice<ReferralView> search(ReferralSearch search);

    /** A resident's referrals visible to the caller, newest first (audited). */
    List<ReferralView> ofResident(UUID residentId);

    ReferralStatistics statistics(@Nullable UUID consortiumIdOrNull);

    // criteria (转诊标准), maintained by the consortium office
    List<CriterionView> criteria(@Nullable UUID consortiumId, @Nullable ReferralDirection directionOrNull);

    /** Active criteria that fit a department and diagnosis (what the referring doctor sees). */
    List<CriterionView> matchingCriteria(UUID consortiumId, ReferralDirection direction, @Nullable String department,
                                         String diagnosisCode);

    CriterionView defineCriterion(DefineCriterion command);

    CriterionView updateCriterion(UUID id, long expectedVersion, DefineCriterion command);

    void retireCriterion(UUID id);

    /** Suggested destinations, contract hospitals first (SH-15), zone and hospice routing (CN-3, CN-4). */
    List<DestinationSuggestion> suggestDestinations(UUID residentId, ReferralDirection direction, @Nullable String department,
                                                    @Nullable UUID fromInstitutionId, @Nullable DestinationType destinationType);

    /**
     * Deadline job: marks submitted referrals past their acceptance deadline as escalated to the referral desk,
     * and expires those far past it. Idempotent and safe on several instances at once.
     */
    EscalationRun escalateOverdue(Instant now);

    // routing tables (CN-3, CN-4), maintained by the office or loaded with the demo city
    UUID defineZone(String districtCode, String zone, UUID backingHospitalId);

    void assignToZone(UUID institutionId, UUID zoneId);

    /**
     * CN-3: the backing hospital of the emergency zone an institution (a nursing home) is mapped to, if any. The
     * routing table names institutions only, no resident, so the read is neither scoped nor audited; the consultation
     * module routes nursing-home requests by it (TM-15).
     */
    Optional<UUID> zoneBackingHospital(UUID institutionId);

    /**
     * CN-3: the emergency zones, by district and zone, each with its backing hospital and its mapped institutions. Like
     * {@link #zoneBackingHospital}, institutions only: neither scoped nor audited (the consultation console offers a
     * zone's nursing homes to the hospitals and centres that serve it).
     */
    List<EmergencyZone> emergencyZones();

    void registerHospiceCentre(UUID institutionId, String districtCode, boolean regionalWithInstitutionalBeds);

    // follow-up tasks of downward referrals (随访任务) and the console's action buttons

    /**
     * The open follow-up tasks the caller's institution received with downward referrals (office: its
     * consortium's; administrators and integrators: all), earliest due first, so overdue ones lead.
     * Audited per row with the resident as subject.
     */
    List<FollowUpView> openFollowUps(int limit);

    /** How many referrals wait in the caller's box (status null: the box's default), overdue ones counted apart. */
    ReferralCount count(ReferralBox box, @Nullable ReferralStatus statusOrNull);

    /** How many open follow-up tasks the caller's list has ({@link #openFollowUps}), overdue ones counted apart. */
    ReferralCount countOpenFollowUps();

    /**
     * Marks a follow-up task done (who, when, note) — by the receiving institution's GP, the consortium's office,
     * an administrator or an integrator. A task is done once: a second time is 409 {@code REFERRAL-0031}.
     */
    FollowUpView markFollowUpDone(ReferralId id, UUID taskId, MarkFollowUpDone command);

    /** The manual actions the caller may take on the referral now (its status and the caller's side). */
    Set<ReferralAction> allowedActions(ReferralId id);

    /** The referral by number, for integrators' look-ups (audited). */
    Optional<ReferralView> byNumber(String number);
}
