/** The registry's REST and console controllers. */
@org.jspecify.annotations.NullMarked
package org.medunion.registry.web;
