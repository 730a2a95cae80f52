package org.medunion.registry;

import org.jspecify.annotations.Nullable;

/**
 * A city, district or county with its GB/T 2260 code.
 *
 * @param code       six-digit GB/T 2260 code, e.g. 310105 长宁区
 * @param parentCode the city's code for a district, null for a city
 * @param county     true for a county (县), which has county medical communities rather than regional consortia
 */
public record DistrictView(String code, String name, @Nullable String parentCode, boolean county, long population) {
}
