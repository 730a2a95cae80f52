@org.jspecify.annotations.NullMarked
package org.medunion.audit.web;
