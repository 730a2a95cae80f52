package org.medunion.registry;

/** Roles of dispatched managers (SH-7 needs a president and an executive president). */
public enum ManagerRole {
    PRESIDENT, EXECUTIVE_PRESIDENT, VICE_PRESIDENT, DEPARTMENT_HEAD
}
