package org.medunion.policy.internal;

import java.util.HashMap;
import java.util.Map;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.springframework.stereotype.Component;

/**
 * Where each object a finding names can be seen on the console: a consortium's page, an institution's page, and for a
 * person the page of the institution they work at (the console has no page per practitioner). Keyed by the finding's
 * object reference ({@code Organization/…}, {@code Practitioner/…}). The registry's pages check the reader's scope.
 */
@Component
public class FindingLinks {

    /** A link to show for one object: its name and the console page. */
    public record Link(String label, String href) {
    }

    private final CityWideRegistry city;

    FindingLinks(CityWideRegistry city) {
        this.city = city;
    }

    Map<String, Link> all() {
        Map<String, Link> links = new HashMap<>();
        city.allConsortia().forEach(c -> links.put("Organization/" + c.id().value(),
                new Link(c.name(), "/console/consortia/" + c.id().value())));
        city.allInstitutions().forEach(i -> links.put("Organization/" + i.id().value(),
                new Link(i.name(), "/console/institutions/" + i.id().value())));
        city.allPractitioners().forEach(p -> links.put("Practitioner/" + p.id().value(),
                new Link(p.name(), "/console/institutions/" + p.institutionId().value())));
        return links;
    }
}
