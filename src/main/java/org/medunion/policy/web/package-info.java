/** The policy module's REST and console controllers: findings, overrides, compliance workbook. */
@org.jspecify.annotations.NullMarked
package org.medunion.policy.web;
