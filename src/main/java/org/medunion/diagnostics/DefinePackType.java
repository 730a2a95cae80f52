package org.medunion.diagnostics;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A pack type of a sterilisation centre (基础外科包, 换药包, 缝合包…): its method and shelf life in days. */
public record DefinePackType(@Nullable UUID centreId, @Nullable String name, @Nullable String method,
                             @Nullable Integer shelfLifeDays) {
}
