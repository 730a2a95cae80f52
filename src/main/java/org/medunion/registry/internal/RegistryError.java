package org.medunion.registry.internal;

import org.medunion.shared.ErrorCode;

/**
 * The registry's stable error codes; each has an {@code error.<code>} text in i18n/registry*.properties.
 * Public for the registry's own web package; other modules see the codes only in problem details.
 */
public enum RegistryError implements ErrorCode {

    UNKNOWN_DISTRICT("REGISTRY-0001"),
    DUPLICATE_CREDIT_CODE("REGISTRY-0002"),
    UNKNOWN_REFERENCE("REGISTRY-0003"),
    END_BEFORE_START("REGISTRY-0004"),
    DUPLICATE_GRID_CODE("REGISTRY-0005"),
    CONSORTIUM_DISSOLVED("REGISTRY-0006"),
    MEMBERSHIP_ENDED("REGISTRY-0007"),
    ALREADY_MEMBER("REGISTRY-0008"),
    FORBIDDEN("REGISTRY-0009"),
    OUT_OF_RANGE("REGISTRY-0010"),
    TOO_LONG("REGISTRY-0011"),
    NOT_A_MEMBER("REGISTRY-0012"),
    DUPLICATE_WORK_LOG("REGISTRY-0013"),
    DUPLICATE_CONSORTIUM_NAME("REGISTRY-0014"),
    ONE_LEAD("REGISTRY-0015"),
    TOO_MANY("REGISTRY-0016"),
    VERSION_REQUIRED("REGISTRY-0017"),
    OWN_PARENT("REGISTRY-0018"),
    OUTSIDE_PERIOD("REGISTRY-0019"),
    IN_FUTURE("REGISTRY-0020"),
    CONTROL_CHARACTERS("REGISTRY-0021"),
    GRID_OUTSIDE_DISTRICT("REGISTRY-0022"),
    MANAGER_ROLE_REQUIRED("REGISTRY-0023"),
    SAME_INSTITUTION("REGISTRY-0024"),
    BEFORE_ESTABLISHMENT("REGISTRY-0025"),
    TARGET_OUTSIDE_TERM("REGISTRY-0030"),
    STALE_VERSION("common.staleVersion");

    private final String code;

    RegistryError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
