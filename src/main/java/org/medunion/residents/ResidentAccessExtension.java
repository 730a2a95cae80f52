package org.medunion.residents;

import org.medunion.identity.CurrentUser;

/**
 * SPI: lets another module widen an institution-scoped user's view of residents beyond those contracted with
 * their institution's teams — e.g. the referral module grants access to residents referred to the user's
 * institution. Implementations are Spring beans; any one answering true grants read access.
 */
public interface ResidentAccessExtension {

    boolean grantsAccess(CurrentUser user, ResidentId residentId);
}
