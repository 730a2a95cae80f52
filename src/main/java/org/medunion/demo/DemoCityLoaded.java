package org.medunion.demo;

import java.util.Map;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;

/**
 * Event: the demo city's registry data (districts' grids, institutions, practitioners, consortia,
 * agreements, dispatches) has just been loaded on first start — published once, in the loading transaction,
 * never on later starts. The demo module's own seeder adds the other modules' data through their commands;
 * no other module listens (a domain module must not depend on the demo), the event is for observers such as
 * tests.
 * See docs/demo-city.md for the keys.
 *
 * @param seed                  the generator's seed (same seed, same city)
 * @param jurisdictionCode      the planner's jurisdiction, GB/T 2260 {@code 310000}
 * @param officeConsortium      长宁区区域医疗联合体, the {@code office} account's consortium
 * @param communityHealthCentre the {@code gp} account's community health centre in that consortium
 * @param leadHospital          the consortium's lead, the regional medical centre hosting the imaging and
 *                              prescription pre-review centres ({@code specialist}, {@code pharmacist}, {@code centre})
 * @param municipalHospital     the municipal general hospital giving technical support to that consortium
 * @param institutions          every keyed institution, e.g. {@code sh.310105.rmc}, {@code sh.m11}, {@code nn.m1}
 * @param consortia             every keyed consortium, e.g. {@code sh.310105.regional}, {@code nn.group1}
 */
public record DemoCityLoaded(long seed, String jurisdictionCode, ConsortiumId officeConsortium,
                             InstitutionId communityHealthCentre, InstitutionId leadHospital,
                             InstitutionId municipalHospital, Map<String, InstitutionId> institutions,
                             Map<String, ConsortiumId> consortia, int institutionCount, int practitionerCount,
                             int consortiumCount) {
}
