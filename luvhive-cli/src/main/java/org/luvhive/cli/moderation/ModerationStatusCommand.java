package org.luvhive.cli.moderation;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.moderation.ModerationOverview;
import org.luvhive.core.moderation.filter.LevelPolicy;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.StrikeLadder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive moderation status}: the live level, what it does, the rules, and what is held against users. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the live strictness level, what it does, the rules, and open cases, mutes and holds.")
public final class ModerationStatusCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    ModerationStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModerationOverview overview = ModerationOverview.read(context.migratedDatabase().jdbi(),
                StoredRules.settings(context), StoredRules.settings(context).policy(), context.clock().instant());
        List<Rule> rules = StoredRules.rules(context).all();
        LevelPolicy level = overview.policy().level(overview.level());
        StrikeLadder ladder = overview.policy().ladder(overview.level());
        if (json.enabled()) {
            context.out().println(context.json().render(document(overview, rules, level, ladder)));
            return ExitCode.OK.code();
        }
        PrintWriter out = context.out();
        out.printf("Strictness:   %s%s%n", overview.level().code(), overview.setting().map(setting -> " (set by "
                + setting.updatedBy() + " at " + setting.updatedAt() + ")").orElse(" (default; never set)"));
        out.printf("Decisions:    low %s, medium %s, high %s; %s%n", level.low().code(), level.medium().code(),
                level.high().code(), level.newAccountAge().isZero() ? "no account counts as new"
                        : "accounts younger than " + human(level.newAccountAge()) + " judged one level stricter");
        out.printf("Media:        %s%n", level.mediaLockedForAll() ? "blocked for everyone"
                : level.mediaLock().isZero() ? "allowed" : "locked for accounts younger than " + human(level.mediaLock()));
        out.printf("Search:       %s%n", level.newAccountsMaySearch() ? "open to everyone" : "closed to new accounts");
        out.printf("Strikes:      count for %s; %s%n", human(ladder.decay()), ladder.steps().stream()
                .map(step -> step.strikes() + ": " + step.penalty().code()
                        + (step.duration().isZero() ? "" : " " + human(step.duration())))
                .collect(Collectors.joining(", ")));
        out.printf("Rules:        %d (%s)%n", rules.size(), rules.stream().collect(Collectors.groupingBy(
                rule -> rule.kind().code(), LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
        out.printf("Now:          %d open case(s), %d muted, %d held out of matching%n", overview.openCases(),
                overview.muted(), overview.held());
        out.printf("Last 24 h:    %s%n", overview.lastDay().isEmpty() ? "no decisions" : overview.lastDay().entrySet()
                .stream().map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
        return ExitCode.OK.code();
    }

    /** 10 min, 1 h, 24 h, 7 d. */
    private static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 48 * 60 && minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + " d";
        }
        return minutes >= 60 && minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    private static Map<String, Object> document(ModerationOverview overview, List<Rule> rules, LevelPolicy level,
                                                StrikeLadder ladder) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("level", overview.level().code());
        document.put("set_by", overview.setting().map(setting -> setting.updatedBy()).orElse(null));
        document.put("set_at", overview.setting().map(setting -> setting.updatedAt().toString()).orElse(null));
        Map<String, Object> decisions = new LinkedHashMap<>();
        decisions.put("low", level.low().code());
        decisions.put("medium", level.medium().code());
        decisions.put("high", level.high().code());
        document.put("decisions", decisions);
        document.put("new_account_seconds", level.newAccountAge().toSeconds());
        document.put("media_lock_seconds", level.mediaLock().toSeconds());
        document.put("media_locked_for_all", level.mediaLockedForAll());
        document.put("new_accounts_may_search", level.newAccountsMaySearch());
        document.put("strike_decay_seconds", ladder.decay().toSeconds());
        document.put("strike_steps", ladder.steps().stream().map(step -> Map.of("strikes", step.strikes(),
                "penalty", step.penalty().code(), "seconds", step.duration().toSeconds())).toList());
        document.put("rules", rules.size());
        document.put("open_cases", overview.openCases());
        document.put("muted", overview.muted());
        document.put("held", overview.held());
        document.put("last_24h", overview.lastDay());
        return document;
    }
}
