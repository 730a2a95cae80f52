@org.jspecify.annotations.NullMarked
package org.medunion.indicators.internal;
