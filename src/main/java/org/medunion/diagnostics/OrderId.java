package org.medunion.diagnostics;

import java.util.UUID;

public record OrderId(UUID value) {
}
