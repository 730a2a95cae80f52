/** The referral module's internals: the Referral aggregate, its use-case services, access rules and stores. */
@org.jspecify.annotations.NullMarked
package org.medunion.referral.internal;
