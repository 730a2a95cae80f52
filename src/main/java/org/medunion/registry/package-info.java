/**
 * Registry of districts, grids, institutions, practitioners, consortia, memberships, agreements,
 * dispatches and change reports — who cooperates with whom, under which agreement (product.md §1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"shared", "identity", "audit",
        "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.registry;
