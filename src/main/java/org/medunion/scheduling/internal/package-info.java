/** The scheduling module's internals: publishing, slot search, booking, release, access rules and the store. */
@org.jspecify.annotations.NullMarked
package org.medunion.scheduling.internal;
