package org.medunion.policy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.medunion.policy.PolicyReadings;
import org.medunion.policy.rules.Assessment;
import org.medunion.policy.rules.CriterionStatus;
import org.medunion.policy.rules.Divisions;
import org.medunion.policy.rules.NationalCriterion;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Parameters;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.Rule;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PolicyReadings}: the packs in force with a content version, and the NAT checklist without the caller's scope. */
@Component
@Transactional(readOnly = true)
class PolicyReadingsService implements PolicyReadings {

    private final RuleCatalogue catalogue;
    private final PolicyStore store;
    private final SnapshotFactory snapshots;
    private final PolicyMessages texts;
    private final MessageSource messages;

    PolicyReadingsService(RuleCatalogue catalogue, PolicyStore store, SnapshotFactory snapshots, PolicyMessages texts,
                          MessageSource messages) {
        this.catalogue = catalogue;
        this.store = store;
        this.snapshots = snapshots;
        this.texts = texts;
        this.messages = messages;
    }

    @Override
    public List<PackVersion> packsInForce(String divisionCode) {
        Map<Pack, Set<String>> jurisdictions = store.packJurisdictions();
        Parameters parameters = store.parameters();
        Map<String, Instant> overriddenAt = overriddenAt(divisionCode);
        List<PackVersion> out = new ArrayList<>();
        for (Pack pack : Pack.values()) {
            boolean applies = pack.bindsEveryDivision()
                    || jurisdictions.getOrDefault(pack, Set.of()).stream().anyMatch(j -> Divisions.covers(j, divisionCode));
            if (applies) {
                out.add(version(pack, divisionCode, parameters, overriddenAt));
            }
        }
        return out;
    }

    private PackVersion version(Pack pack, String divisionCode, Parameters parameters, Map<String, Instant> overriddenAt) {
        StringBuilder content = new StringBuilder(pack.name());
        List<String> values = new ArrayList<>();
        Instant changed = null;
        for (Rule rule : catalogue.rules()) {
            if (rule.pack() != pack) {
                continue;
            }
            content.append('\n').append(rule.id()).append('\u001f').append(rule.clause());
            for (String name : new TreeMap<>(rule.defaults()).keySet()) {
                String value = parameters.value(rule, name, divisionCode);
                values.add(rule.id() + "." + name + "=" + readable(value));
                content.append('\u001f').append(name).append('=').append(value);
                Instant at = overriddenAt.get(rule.id() + "." + name);
                if (at != null && (changed == null || at.isAfter(changed))) {
                    changed = at;
                }
            }
        }
        return new PackVersion(pack.name(), sha256(content.toString()).substring(0, 12), String.join("; ", values), changed);
    }

    /** When the override in force for the division was recorded, per {@code rule.parameter} (as {@link Parameters#value} picks it). */
    private Map<String, Instant> overriddenAt(String divisionCode) {
        Set<String> seen = new HashSet<>();
        Map<String, PolicyStore.ParameterOverrideRow> best = new HashMap<>();
        for (var row : store.parameterOverrides()) { // newest first: the first per jurisdiction is the one in force
            if (!seen.add(row.jurisdiction() + "|" + row.ruleId() + "|" + row.parameter())
                    || !Divisions.covers(row.jurisdiction(), divisionCode)) {
                continue;
            }
            best.merge(row.ruleId() + "." + row.parameter(), row,
                    (a, b) -> Divisions.depth(b.jurisdiction()) > Divisions.depth(a.jurisdiction()) ? b : a);
        }
        Map<String, Instant> out = new HashMap<>();
        best.forEach((k, v) -> out.put(k, v.createdAt()));
        return out;
    }

    @Override
    public List<CriterionReading> nationalChecklist(UUID consortiumId, Locale locale) {
        RegistrySnapshot s = snapshots.build();
        ConsortiumView c = s.consortium(new ConsortiumId(consortiumId));
        if (c == null) {
            return List.of();
        }
        boolean tight = NationalCriterion.tightGroup(c);
        Parameters parameters = store.parameters();
        List<PolicyStore.ManualEvidenceRow> manual = store.manualEvidence(consortiumId);
        List<CriterionReading> out = new ArrayList<>();
        for (NationalCriterion n : catalogue.nationalCriteria()) {
            Assessment a = n.assess(s, c, parameters);
            List<String> mine = manual.stream().filter(m -> m.criterion().equals(n.id())).map(PolicyStore.ManualEvidenceRow::text).toList();
            CriterionStatus status = a.status() == CriterionStatus.NO_DATA && !mine.isEmpty() ? CriterionStatus.MANUAL : a.status();
            String evidence = texts.render(a.evidence(), locale);
            out.add(new CriterionReading(n.id(), text("policy.dimension." + n.dimension(), locale),
                    text("policy.rule." + n.id() + ".title", locale), status.name(), evidence == null ? "" : evidence, mine, tight));
        }
        return out;
    }

    private String text(String key, Locale locale) {
        String t = messages.getMessage(key, null, key, locale);
        return t == null ? key : t;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A duration parameter (ISO-8601, e.g. PT72H) as hours or minutes with the unit symbol, for people; anything else as is. */
    static String readable(String value) {
        if (!value.startsWith("P")) {
            return value;
        }
        try {
            Duration d = Duration.parse(value);
            return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
