package org.medunion.referral.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.referral.ReferralView;
import org.springframework.stereotype.Component;

/**
 * The names of the institutions on a list of referrals, for the console pages in referral/web: public so that
 * package can use it, while {@link Directory} (how the registry is read) stays package-private.
 */
@Component
public class InstitutionNames {

    private final Directory directory;

    InstitutionNames(Directory directory) {
        this.directory = directory;
    }

    /** Names of the sending and receiving institutions of the given referrals. */
    public Map<UUID, String> of(List<ReferralView> referrals) {
        return directory.namesOf(referrals);
    }
}
