package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.ConsortiumForm;

/**
 * A rule whose data lives in a module that does not exist yet (referral, pharmacy, indicators, residents'
 * family-doctor teams). It never passes silently: it reports a NO_DATA finding per jurisdiction applying its
 * pack, or per consortium of a form, naming the missing source ({@code source}).
 */
final class NoDataRule extends RuleSupport {

    private final @Nullable ConsortiumForm perConsortium;
    private final String source;

    NoDataRule(String id, Pack pack, Severity severity, String source, @Nullable ConsortiumForm perConsortium,
               Map<String, String> defaults) {
        super(id, pack, severity, Coverage.NO_DATA, defaults);
        this.source = source;
        this.perConsortium = perConsortium;
    }

    NoDataRule(String id, Pack pack, Severity severity, String source) {
        this(id, pack, severity, source, null, Map.of());
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        String evidence = Texts.term("source." + id(), source);
        return perConsortium == null ? noDataPerJurisdiction(s, evidence) : noDataPerConsortium(s, perConsortium, evidence);
    }

    String source() {
        return source;
    }
}
