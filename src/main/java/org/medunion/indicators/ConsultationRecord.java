package org.medunion.indicators;

import org.medunion.consultation.CountedConsultation;

/**
 * A consultation behind I-15, I-17 or I-18 with its institutions' names, so the reader of a value can recount it. No
 * resident data: the consultation module keeps the resident on its side.
 */
public record ConsultationRecord(CountedConsultation consultation, String fromInstitution, String toInstitution,
                                 DrillDown.Counted counted) {
}
