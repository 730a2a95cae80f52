@org.jspecify.annotations.NullMarked
package org.medunion.shared.web;
