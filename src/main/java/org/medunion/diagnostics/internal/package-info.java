@org.jspecify.annotations.NullMarked
package org.medunion.diagnostics.internal;
