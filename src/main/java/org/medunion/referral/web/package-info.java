/** The referral module's REST and console controllers. */
@org.jspecify.annotations.NullMarked
package org.medunion.referral.web;
