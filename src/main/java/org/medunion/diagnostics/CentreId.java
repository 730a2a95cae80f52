package org.medunion.diagnostics;

import java.util.UUID;

public record CentreId(UUID value) {
}
