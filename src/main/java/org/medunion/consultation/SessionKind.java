package org.medunion.consultation;

/**
 * What a recurring session at a host site is (decision 0246): the two consultation forms held as a clinic or a round
 * (I-19), and CN-3's patrol of a nursing home by its community health centre.
 */
public enum SessionKind {

    /** 联合门诊: the lead institution's experts see patients with the host's GPs at the host site. */
    JOINT_CLINIC,
    /** 远程查房: the lead institution's experts go round the host's patients remotely. */
    REMOTE_ROUNDS,
    /** 巡诊: a community health centre visits an elderly-care institution or nursing home (CN-3). */
    NURSING_HOME_PATROL;

    /** Whether the session is a telemedicine form, so the series needs a TM-1 agreement between the two institutions. */
    public boolean telemedicine() {
        return this != NURSING_HOME_PATROL;
    }
}
