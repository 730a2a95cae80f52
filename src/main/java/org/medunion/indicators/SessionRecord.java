package org.medunion.indicators;

import org.medunion.consultation.CountedSession;

/** A joint clinic or remote round behind I-19, with the host (primary) and visiting institutions' names. */
public record SessionRecord(CountedSession session, String hostInstitution, String visitingInstitution) {
}
