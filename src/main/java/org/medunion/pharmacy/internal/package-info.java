@org.jspecify.annotations.NullMarked
package org.medunion.pharmacy.internal;
