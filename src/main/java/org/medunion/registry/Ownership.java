package org.medunion.registry;

/** 所有制: public, enterprise-run, private, military. */
public enum Ownership {
    PUBLIC, ENTERPRISE, PRIVATE, MILITARY
}
