package org.medunion.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record ReportId(@JsonValue UUID value) {
}
