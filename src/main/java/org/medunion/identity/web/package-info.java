@org.jspecify.annotations.NullMarked
package org.medunion.identity.web;
