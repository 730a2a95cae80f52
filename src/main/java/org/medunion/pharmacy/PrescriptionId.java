package org.medunion.pharmacy;

import java.util.UUID;

public record PrescriptionId(UUID value) {
}
