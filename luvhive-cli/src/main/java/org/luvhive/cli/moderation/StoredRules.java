package org.luvhive.cli.moderation;

import org.luvhive.cli.support.CliContext;
import org.luvhive.core.moderation.ModerationRules;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.RuleStore;
import org.luvhive.core.settings.OpsSettings;

/** The rules and the level as the CLI reaches them: on the migrated database of this run. */
final class StoredRules {

    private StoredRules() {
    }

    static ModerationSettings settings(CliContext context) {
        return new ModerationSettings(new OpsSettings(context.migratedDatabase().jdbi(), context.clock()));
    }

    static ModerationRules rules(CliContext context) {
        return new ModerationRules(context.migratedDatabase().jdbi(), new RuleStore(), settings(context),
                context.clock());
    }
}
