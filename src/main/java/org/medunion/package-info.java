/** The MedUnion application: one deployable of Spring Modulith modules (see docs/modules). */
@org.jspecify.annotations.NullMarked
package org.medunion;
