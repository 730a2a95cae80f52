/** The consultation module's REST API and console pages. */
@org.jspecify.annotations.NullMarked
package org.medunion.consultation.web;
