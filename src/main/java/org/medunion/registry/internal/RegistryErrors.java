package org.medunion.registry.internal;

/** The registry's stable error codes; each has an {@code error.<code>} text in i18n/registry*.properties. */
final class RegistryErrors {

    static final String UNKNOWN_DISTRICT = "REGISTRY-0001";
    static final String DUPLICATE_CREDIT_CODE = "REGISTRY-0002";
    static final String UNKNOWN_REFERENCE = "REGISTRY-0003";
    static final String END_BEFORE_START = "REGISTRY-0004";
    static final String DUPLICATE_GRID_CODE = "REGISTRY-0005";
    static final String CONSORTIUM_DISSOLVED = "REGISTRY-0006";
    static final String MEMBERSHIP_ENDED = "REGISTRY-0007";
    static final String ALREADY_MEMBER = "REGISTRY-0008";
    static final String FORBIDDEN = "REGISTRY-0009";
    static final String OUT_OF_RANGE = "REGISTRY-0010";
    static final String TOO_LONG = "REGISTRY-0011";
    static final String NOT_A_MEMBER = "REGISTRY-0012";
    static final String DUPLICATE_WORK_LOG = "REGISTRY-0013";
    static final String DUPLICATE_CONSORTIUM_NAME = "REGISTRY-0014";
    static final String ONE_LEAD = "REGISTRY-0015";
    static final String TOO_MANY = "REGISTRY-0016";
    static final String VERSION_REQUIRED = "REGISTRY-0017";
    static final String OWN_PARENT = "REGISTRY-0018";
    static final String OUTSIDE_PERIOD = "REGISTRY-0019";
    static final String IN_FUTURE = "REGISTRY-0020";
    static final String CONTROL_CHARACTERS = "REGISTRY-0021";
    static final String GRID_OUTSIDE_DISTRICT = "REGISTRY-0022";
    static final String MANAGER_ROLE_REQUIRED = "REGISTRY-0023";
    static final String SAME_INSTITUTION = "REGISTRY-0024";
    static final String BEFORE_ESTABLISHMENT = "REGISTRY-0025";
    static final String STALE_VERSION = "common.staleVersion";

    private RegistryErrors() {
    }
}
