package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RegistryChange;

/** Shared plumbing of the rule classes: identity, parameters, and making findings. */
public abstract class RuleSupport implements Rule {

    private final String id;
    private final Pack pack;
    private final Severity severity;
    private final Coverage coverage;
    private final Map<String, String> defaults;

    protected RuleSupport(String id, Pack pack, Severity severity, Coverage coverage, Map<String, String> defaults) {
        this.id = id;
        this.pack = pack;
        this.severity = severity;
        this.coverage = coverage;
        this.defaults = defaults;
    }

    protected RuleSupport(String id, Pack pack, Severity severity, Coverage coverage) {
        this(id, pack, severity, coverage, Map.of());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Pack pack() {
        return pack;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public Coverage coverage() {
        return coverage;
    }

    @Override
    public Map<String, String> defaults() {
        return defaults;
    }

    /** A violation. {@code refs} are registry IDs (typed IDs or UUIDs) of the objects involved. */
    protected Finding open(Subject subject, String aspect, String evidence, List<String> args, @Nullable Object... refs) {
        return make(FindingStatus.OPEN, subject, aspect, evidence, args, refs);
    }

    /** A check the platform cannot make for lack of data. */
    protected Finding noData(Subject subject, String aspect, String evidence) {
        return make(FindingStatus.NO_DATA, subject, aspect, evidence, List.of(subject.name()));
    }

    private Finding make(FindingStatus status, Subject subject, String aspect, String evidence, List<String> args, Object... refs) {
        Set<UUID> related = new LinkedHashSet<>();
        List<String> objects = new ArrayList<>();
        if (subject.consortiumId() != null) {
            related.add(subject.consortiumId().value());
        }
        for (Object r : refs) {
            if (r instanceof Collection<?> c) {
                c.forEach(x -> addRef(x, related, objects));
            } else {
                addRef(r, related, objects);
            }
        }
        int at = aspect.indexOf('@');
        String messageKey = "policy.finding." + id + "." + (at < 0 ? aspect : aspect.substring(0, at));
        return new Finding(id, severity, status, subject, aspect, messageKey, List.copyOf(args), evidence, List.copyOf(objects),
                Set.copyOf(related));
    }

    private static void addRef(Object r, Set<UUID> related, List<String> objects) {
        if (r == null) {
            return;
        }
        String type;
        UUID uuid;
        if (r instanceof InstitutionId i) {
            type = "Organization";
            uuid = i.value();
        } else if (r instanceof ConsortiumId c) {
            type = "Organization";
            uuid = c.value();
        } else if (r instanceof PractitionerId p) {
            type = "Practitioner";
            uuid = p.value();
        } else if (r instanceof GridId g) {
            type = "Location";
            uuid = g.value();
        } else if (r instanceof UUID u) {
            type = null;
            uuid = u;
        } else {
            return;
        }
        if (related.add(uuid) && type != null) {
            objects.add(type + "/" + uuid);
        } else if (type != null && !objects.contains(type + "/" + uuid)) {
            objects.add(type + "/" + uuid);
        }
    }

    /** Message arguments: enums and collections of them become bundle keys ({@link Texts#of}). */
    protected static List<String> args(@Nullable Object... values) {
        return Arrays.stream(values).map(Texts::of).toList();
    }

    /** Consortia that operate under trusteeship (SH-6, SH-7, SH-9, SH-12): by governance or a trusteeship agreement. */
    protected static boolean trusteeship(RegistrySnapshot s, ConsortiumView c) {
        return c.governance() == GovernanceType.TRUSTEESHIP
                || s.agreements(c.id()).stream().anyMatch(a -> a.type() == AgreementType.TRUSTEESHIP);
    }

    /**
     * SH-3 / SH-4: the municipal general hospital an institution counts as — a branch campus counts as its main
     * hospital; TCM / integrated hospitals are exempt by the seed, military hospitals follow military rules
     * (rules.md interpretation notes). Null when the institution is not counted.
     */
    protected static @Nullable InstitutionView countedMunicipalGeneral(RegistrySnapshot s, @Nullable InstitutionView i) {
        InstitutionView main = i == null ? null : s.main(i);
        if (main == null || !main.isMunicipalGeneralHospital() || main.ownership() == Ownership.MILITARY) {
            return null;
        }
        return main;
    }

    /**
     * SH-7 / SH-9: a trusteeship of a district hospital by a municipal hospital in the regional role. For specialty
     * trusteeships the seed leaves staffing to the two parties (rules.md interpretation notes): not checked.
     */
    protected static boolean regionalTrusteeship(RegistrySnapshot s, ConsortiumView c) {
        return RegistrySnapshot.regionalRole(c) && trusteeship(s, c);
    }

    protected static boolean blank(@Nullable String v) {
        return v == null || v.isBlank();
    }

    /** A jurisdiction-wide NO_DATA finding for each jurisdiction applying the rule's pack. */
    protected List<Finding> noDataPerJurisdiction(RegistrySnapshot s, String evidence) {
        return s.jurisdictionsApplying(pack()).stream().sorted()
                .map(j -> noData(s.jurisdictionSubject(j), "noData", evidence)).toList();
    }

    /** A NO_DATA finding for each active consortium of a form. */
    protected List<Finding> noDataPerConsortium(RegistrySnapshot s, ConsortiumForm form, String evidence) {
        return s.activeConsortia(form).stream().map(c -> noData(s.subject(c), "noData", evidence)).toList();
    }

    /** Whether the change concerns the finding: its consortium or one of its institutions. */
    public static boolean concerns(Finding finding, RegistryChange change) {
        if (change.consortiumId() != null && finding.related().contains(change.consortiumId().value())) {
            return true;
        }
        if (change.institutionIds() != null) {
            for (var i : change.institutionIds()) {
                if (i != null && finding.related().contains(i.value())) {
                    return true;
                }
            }
        }
        return false;
    }
}
