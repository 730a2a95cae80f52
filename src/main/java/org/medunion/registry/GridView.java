package org.medunion.registry;

import java.util.List;

/** 网格: an area of one or more (sub)districts whose residents one group serves. */
public record GridView(GridId id, String code, String name, String districtCode, List<String> streets, long population) {
}
