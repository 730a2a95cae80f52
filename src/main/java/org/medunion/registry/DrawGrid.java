package org.medunion.registry;

import java.util.List;

/** Command: draw a grid over (part of) a district. */
public record DrawGrid(String code, String name, String districtCode, List<String> streets, Long population) {
}
