package org.medunion.referral.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.CriterionView;
import org.medunion.referral.DefineCriterion;
import org.medunion.referral.DestinationSuggestion;
import org.medunion.referral.DestinationType;
import org.medunion.referral.EmergencyZone;
import org.medunion.referral.EscalationRun;
import org.medunion.referral.FollowUpView;
import org.medunion.referral.MarkFollowUpDone;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralCount;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralSearch;
import org.medunion.referral.ReferralStatistics;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.TransitionView;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral module's facade: one transaction per call, each handed to its use case — creating
 * ({@link ReferralCreation}), the workflow steps ({@link ReferralTransitions} on the {@link Referral} aggregate),
 * reads ({@link ReferralQueries}), criteria, routing tables, deadlines ({@link Escalation}) and follow-ups.
 */
@Service
@Transactional
class ReferralService implements ReferralManagement {

    private final ReferralCreation creation;
    private final ReferralTransitions transitions;
    private final ReferralQueries queries;
    private final CriteriaMaintenance criteria;
    private final RoutingTables routing;
    private final Escalation escalation;
    private final FollowUpDesk followUps;
    private final ActionChoices actionChoices;

    ReferralService(ReferralCreation creation, ReferralTransitions transitions, ReferralQueries queries,
                    CriteriaMaintenance criteria, RoutingTables routing, Escalation escalation, FollowUpDesk followUps,
                    ActionChoices actionChoices) {
        this.creation = creation;
        this.transitions = transitions;
        this.queries = queries;
        this.criteria = criteria;
        this.routing = routing;
        this.escalation = escalation;
        this.followUps = followUps;
        this.actionChoices = actionChoices;
    }

    // ---------------------------------------------------------------- the workflow

    @Override
    public ReferralView create(CreateReferral command) {
        return creation.create(command);
    }

    @Override
    public ReferralView createAuthorised(CreateReferral command) {
        return creation.createAuthorised(command);
    }

    @Override
    public ReferralView submit(ReferralId id) {
        return transitions.asCaller(id, ReferralAction.SUBMIT, transitions::submit);
    }

    @Override
    public ReferralView accept(ReferralId id, AcceptReferral c) {
        return transitions.asCaller(id, ReferralAction.ACCEPT, (r, actor, now) -> transitions.accept(r, c, actor, now));
    }

    @Override
    public ReferralView reject(ReferralId id, RejectReferral c) {
        return transitions.asCaller(id, ReferralAction.REJECT, (r, actor, now) -> transitions.reject(r, c, actor, now));
    }

    @Override
    public ReferralView redirect(ReferralId id, RedirectReferral c) {
        return transitions.asCaller(id, ReferralAction.REDIRECT,
                (r, actor, now) -> transitions.redirect(r, c, actor, now));
    }

    @Override
    public ReferralView arrive(ReferralId id) {
        return transitions.asCaller(id, ReferralAction.ARRIVE, transitions::arrive);
    }

    @Override
    public ReferralView complete(ReferralId id, CompleteReferral c) {
        return transitions.asCaller(id, ReferralAction.COMPLETE,
                (r, actor, now) -> transitions.complete(r, c, actor, now));
    }

    @Override
    public ReferralView cancel(ReferralId id, @Nullable String reason) {
        return transitions.asCaller(id, ReferralAction.CANCEL,
                (r, actor, now) -> transitions.cancel(r, reason, actor, now));
    }

    @Override
    public EscalationRun escalateOverdue(Instant now) {
        return escalation.run(now);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public ReferralView get(ReferralId id) {
        return queries.get(id);
    }

    @Override
    public Optional<ReferralView> byNumber(String number) {
        return queries.byNumber(number);
    }

    @Override
    public List<TransitionView> timeline(ReferralId id) {
        return queries.timeline(id);
    }

    @Override
    public List<ReferralView> list(ReferralBox box, ReferralStatus status, int limit) {
        return queries.list(box, status, limit);
    }

    @Override
    public Slice<ReferralView> list(ReferralBox box, ReferralStatus status, int limit, int offset) {
        return queries.page(box, status, limit, offset);
    }

    @Override
    public List<ReferralView> export(ReferralBox box, ReferralStatus status) {
        return queries.export(box, status);
    }

    @Override
    public ReferralCount count(ReferralBox box, @Nullable ReferralStatus status) {
        return queries.count(box, status);
    }

    @Override
    public List<ReferralView> search(UUID to, UUID from, UUID residentId, ReferralStatus status, int limit) {
        return queries.search(new ReferralSearch(to, from, residentId, status, null, null, limit, 0)).items();
    }

    @Override
    public Slice<ReferralView> search(ReferralSearch search) {
        return queries.search(search);
    }

    @Override
    public List<ReferralView> ofResident(UUID residentId) {
        return queries.ofResident(residentId);
    }

    @Override
    public ReferralStatistics statistics(@Nullable UUID consortiumIdOrNull) {
        return queries.statistics(consortiumIdOrNull);
    }

    // ---------------------------------------------------------------- criteria

    @Override
    public List<CriterionView> criteria(@Nullable UUID consortiumId, @Nullable ReferralDirection direction) {
        return criteria.criteria(consortiumId, direction);
    }

    @Override
    public List<CriterionView> matchingCriteria(UUID consortiumId, ReferralDirection direction, @Nullable String department,
                                                String diagnosisCode) {
        return criteria.matching(consortiumId, direction, department, diagnosisCode);
    }

    @Override
    public CriterionView defineCriterion(DefineCriterion c) {
        return criteria.define(c);
    }

    @Override
    public CriterionView updateCriterion(UUID id, long expectedVersion, DefineCriterion c) {
        return criteria.update(id, expectedVersion, c);
    }

    @Override
    public void retireCriterion(UUID id) {
        criteria.retire(id);
    }

    // ---------------------------------------------------------------- routing

    @Override
    public List<DestinationSuggestion> suggestDestinations(UUID residentId, ReferralDirection direction,
                                                           @Nullable String department, @Nullable UUID fromInstitutionId,
                                                           @Nullable DestinationType destinationType) {
        return routing.suggest(residentId, direction, fromInstitutionId, destinationType);
    }

    @Override
    public UUID defineZone(String districtCode, String zone, UUID backingHospitalId) {
        return routing.defineZone(districtCode, zone, backingHospitalId);
    }

    @Override
    public void assignToZone(UUID institutionId, UUID zoneId) {
        routing.assignToZone(institutionId, zoneId);
    }

    @Override
    public Optional<UUID> zoneBackingHospital(UUID institutionId) {
        return routing.zoneBackingHospital(institutionId);
    }

    @Override
    public List<EmergencyZone> emergencyZones() {
        return routing.emergencyZones();
    }

    @Override
    public void registerHospiceCentre(UUID institutionId, String districtCode, boolean regional) {
        routing.registerHospiceCentre(institutionId, districtCode, regional);
    }

    // ---------------------------------------------------------------- follow-ups and console actions

    @Override
    public List<FollowUpView> openFollowUps(int limit) {
        return followUps.open(limit);
    }

    @Override
    public ReferralCount countOpenFollowUps() {
        return followUps.count();
    }

    @Override
    public FollowUpView markFollowUpDone(ReferralId id, UUID taskId, MarkFollowUpDone command) {
        return followUps.markDone(id, taskId, command);
    }

    @Override
    public Set<ReferralAction> allowedActions(ReferralId id) {
        return actionChoices.allowed(id);
    }
}
