package org.medunion.identity;

/**
 * Whether the object a scope points at exists. Implemented by the registry (which depends on identity, not the
 * other way round), so account administration can refuse a scope naming an unknown institution or consortium.
 */
public interface ScopeReferences {

    boolean exists(Scope scope);
}
