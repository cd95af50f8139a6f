package org.luvhive.core.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;

/**
 * The runtime settings a database holds, which every bot on it follows: the limits profile,
 * the intake mode and the moderation strictness, each as stored (with who stored it when)
 * or the default when nothing is stored. A database restored from a backup holds them as of
 * the backup, so a bot moved to it ({@code luvhive switch-database}) follows those, not the
 * lost database's last ones. Immutable.
 */
public record RuntimeSettings(List<Setting> settings) {

    /**
     * One setting.
     *
     * @param name   for people ({@code limits profile})
     * @param value  what applies ({@code crisis})
     * @param stored the row it comes from; empty when the default applies
     * @param fix    the command that sets it to {@code value}
     */
    public record Setting(String name, String value, Optional<OpsSetting> stored, String fix) {
    }

    public RuntimeSettings {
        settings = List.copyOf(settings);
    }

    /** What the database of {@code ops} holds; {@code config} gives the run mode when none is stored. */
    public static RuntimeSettings read(OpsSettings ops, LuvhiveConfig config) {
        RateLimits limits = new LimitsSettings(ops, new ObjectMapper()).stored()
                .map(LimitsSettings.StoredLimits::limits).orElseGet(RateLimits::defaults);
        // custom limits are told (and compared) by their values: two of them share the name "custom"
        String profile = limits.named().map(LimitsProfile::label).orElseGet(limits::describe);
        String mode = new RunModeSettings(ops).mode(config).label();
        String strictness = new ModerationSettings(ops).level().code();
        return new RuntimeSettings(List.of(
                new Setting("limits profile", profile, ops.find(LimitsSettings.KEY),
                        "luvhive set-limits " + limits.setLimitsArguments()),
                new Setting("run mode", mode, ops.find(RunModeSettings.MODE_KEY), "luvhive switch-mode " + mode),
                new Setting("moderation", strictness, ops.find(ModerationSettings.STRICTNESS),
                        "luvhive moderation strictness " + strictness)));
    }

    /** The settings whose value differs from {@code other}'s, as {@code other} has them. */
    public List<Setting> differentIn(RuntimeSettings other) {
        List<Setting> differing = new ArrayList<>();
        for (Setting mine : settings) {
            other.settings.stream().filter(theirs -> theirs.name().equals(mine.name()))
                    .filter(theirs -> !theirs.value().equals(mine.value())).forEach(differing::add);
        }
        return differing;
    }
}
