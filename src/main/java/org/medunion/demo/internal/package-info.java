/** The demo module's internals: the city generator, its loader, sinks and the other modules' demo seeders. */
@org.jspecify.annotations.NullMarked
package org.medunion.demo.internal;
