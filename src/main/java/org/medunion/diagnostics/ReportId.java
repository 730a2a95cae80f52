package org.medunion.diagnostics;

import java.util.UUID;

public record ReportId(UUID value) {
}
