package org.medunion.fhir.internal.subscription;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.ReferralAccepted;
import org.medunion.referral.ReferralCompleted;
import org.medunion.referral.ReferralEscalated;
import org.medunion.referral.ReferralEvent;
import org.medunion.referral.ReferralRedirected;
import org.medunion.referral.ReferralRejected;
import org.medunion.referral.ReferralSubmitted;
import org.medunion.shared.InvalidInputException;

/**
 * The criteria a Subscription may have: the referrals of one institution, as {@code Task?owner=Organization/<id>}
 * (received), {@code Task?requester=…} or {@code ServiceRequest?requester=…} (sent), {@code ServiceRequest?performer=…}
 * (received), optionally with {@code &status=<Task status>}. One institution per subscription keeps the scope
 * check exact: it is made once, when the subscription is created, against the institution it names.
 *
 * @param relation   {@code to} (owner, performer) or {@code from} (requester)
 * @param taskStatus the Task status asked for, or null for every change
 */
record SubscriptionCriteria(String resourceType, UUID institution, @Nullable String relation, @Nullable String taskStatus) {

    static final String FIELD = "Subscription.criteria";

    static SubscriptionCriteria parse(String criteria) {
        if (criteria == null || criteria.isBlank()) {
            throw new InvalidInputException(FIELD, "field.required");
        }
        int q = criteria.indexOf('?');
        String type = q < 0 ? criteria : criteria.substring(0, q);
        if (!type.equals("Task") && !type.equals("ServiceRequest")) {
            throw unsupported(criteria);
        }
        UUID institution = null;
        String relation = null;
        String status = null;
        for (String part : q < 0 ? new String[0] : criteria.substring(q + 1).split("&")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            switch (type + "." + name) {
                case "Task.owner", "ServiceRequest.performer" -> {
                    institution = organization(value, criteria);
                    relation = "to";
                }
                case "Task.requester", "ServiceRequest.requester" -> {
                    institution = organization(value, criteria);
                    relation = "from";
                }
                case "Task.status" -> status = taskStatus(value, criteria);
                default -> throw unsupported(criteria);
            }
        }
        if (institution == null) {
            throw unsupported(criteria);
        }
        return new SubscriptionCriteria(type, institution, relation, status);
    }

    /** The institutions an event concerns: the only ones whose subscriptions it can match. */
    static List<UUID> institutions(ReferralEvent event) {
        var out = new ArrayList<UUID>();
        UUID to = to(event);
        if (to != null) {
            out.add(to);
        }
        if (from(event) != null) {
            out.add(from(event));
        }
        return out;
    }

    /** Whether a referral event is a change these criteria watch. */
    boolean matches(ReferralEvent event) {
        UUID side = "to".equals(relation) ? to(event) : from(event);
        return institution.equals(side) && (taskStatus == null || taskStatus.equals(taskStatus(event)));
    }

    private static @Nullable UUID to(ReferralEvent e) {
        if (e instanceof ReferralSubmitted s) {
            return s.toInstitutionId();
        } else if (e instanceof ReferralAccepted a) {
            return a.toInstitutionId();
        } else if (e instanceof ReferralRejected r) {
            return r.toInstitutionId();
        } else if (e instanceof ReferralRedirected r) {
            return r.toInstitutionId();
        } else if (e instanceof ReferralCompleted c) {
            return c.toInstitutionId();
        } else if (e instanceof ReferralEscalated x) {
            return x.toInstitutionId();
        }
        return null;
    }

    /** The sending institution (an escalation names none). */
    private static @Nullable UUID from(ReferralEvent e) {
        if (e instanceof ReferralSubmitted s) {
            return s.fromInstitutionId();
        } else if (e instanceof ReferralAccepted a) {
            return a.fromInstitutionId();
        } else if (e instanceof ReferralRejected r) {
            return r.fromInstitutionId();
        } else if (e instanceof ReferralRedirected r) {
            return r.fromInstitutionId();
        } else if (e instanceof ReferralCompleted c) {
            return c.fromInstitutionId();
        }
        return null;
    }

    /** The Task status the referral has after the event (docs/fhir.md, Referral). */
    private static String taskStatus(ReferralEvent e) {
        if (e instanceof ReferralAccepted) {
            return "accepted";
        } else if (e instanceof ReferralRejected) {
            return "rejected";
        } else if (e instanceof ReferralCompleted) {
            return "completed";
        }
        return "requested"; // submitted, redirected, escalated: still waiting for the receiver
    }

    private static String taskStatus(String value, String criteria) {
        return switch (value) {
            case "requested", "accepted", "rejected", "completed" -> value;
            default -> throw unsupported(criteria);
        };
    }

    private static UUID organization(String value, String criteria) {
        String id = value.startsWith("Organization/") ? value.substring("Organization/".length()) : value;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unsupported(criteria);
        }
    }

    private static InvalidInputException unsupported(String criteria) {
        return new InvalidInputException(FIELD, "fhir.subscriptionCriteria", criteria.length() > 80
                ? criteria.substring(0, 80) : criteria);
    }
}
