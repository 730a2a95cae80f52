package org.medunion.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A result import job: a large file imported in the background (decision 0238). */
public record ImportJobId(@JsonValue UUID value) {
}
