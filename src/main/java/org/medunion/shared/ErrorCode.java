package org.medunion.shared;

/**
 * A stable error code a caller can act on (e.g. {@code REFERRAL-0001}, an illegal transition). Each module keeps its codes in one
 * enum implementing this interface, so a code has one home: the enum constant names what went wrong, the
 * code is the message-bundle key {@code error.<code>} and the code published in the FHIR error CodeSystem.
 */
public interface ErrorCode {

    /** The code as callers see it in problem details and OperationOutcomes. */
    String code();
}
