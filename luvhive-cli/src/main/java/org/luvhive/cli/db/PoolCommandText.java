package org.luvhive.cli.db;

import java.util.List;
import org.luvhive.core.dbops.PoolState;

/** What {@code db pool reset} and {@code db pool size} say about the bots that followed. */
final class PoolCommandText {

    private PoolCommandText() {
    }

    static List<String> instances(List<PoolState> pools) {
        return pools.stream().map(PoolState::instance).toList();
    }

    static String confirmation(List<PoolState> running, List<PoolState> pending, String done) {
        if (running.isEmpty()) {
            return "No bot is running (none reported its pool in the last minute): bots follow it when they start.";
        }
        List<String> confirmed = running.stream().map(PoolState::instance)
                .filter(instance -> !instances(pending).contains(instance)).toList();
        String text = confirmed.isEmpty() ? "" : String.join(", ", confirmed) + " " + done + ".";
        if (!pending.isEmpty()) {
            text += (text.isEmpty() ? "" : " ") + "Not confirmed within " + DbText.duration(DbPoolResetCommand.PATIENCE)
                    + " by " + String.join(", ", instances(pending)) + " (a bot that cannot reach the database picks it "
                    + "up when it can; see 'luvhive db connections').";
        }
        return text;
    }
}
