/** Nullness: every type here is non-null unless marked {@code @Nullable} (NullAway checks it). */
@org.jspecify.annotations.NullMarked
package org.medunion.residents.internal;
