package org.luvhive.core.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.moderation.internal.CaseDao;
import org.luvhive.core.moderation.internal.DecisionDao;
import org.luvhive.core.settings.OpsSetting;

/**
 * What {@code luvhive moderation status} shows: the live level and who set it, the
 * policy of that level, and what moderation holds against users now. Immutable.
 *
 * @param level         the stored level (normal when none is stored)
 * @param setting       the stored setting, when one is
 * @param policy        the policy every level follows
 * @param openCases     cases waiting in the admin queue
 * @param muted         users muted now
 * @param held          users held out of matching
 * @param lastDay       decisions of the last 24 hours, by action
 */
public record ModerationOverview(Strictness level, Optional<OpsSetting> setting, ModerationPolicy policy,
                                 long openCases, long muted, long held, Map<String, Long> lastDay) {

    public static ModerationOverview read(Jdbi jdbi, ModerationSettings settings, ModerationPolicy policy,
                                          Instant now) {
        Optional<OpsSetting> stored = settings.stored();
        return jdbi.withHandle(handle -> new ModerationOverview(ModerationSettings.level(stored), stored, policy,
                handle.attach(CaseDao.class).countOpen(), handle.attach(DecisionDao.class).countMuted(now),
                handle.attach(CaseDao.class).countHeld(),
                handle.attach(DecisionDao.class).countByActionSince(now.minus(Duration.ofDays(1)))));
    }
}
