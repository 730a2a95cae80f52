/** The registry's internals: the use-case services behind the facade, input checks, stores and demo-free queries. */
@org.jspecify.annotations.NullMarked
package org.medunion.registry.internal;
