package org.luvhive.bot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.luvhive.testkit.telegram.LoggedRequest;

/**
 * How closely the sender's pauses matched retry_after, read from the emulator's request
 * log. Global: from the second chat's 429 (when the sender can tell the limit is
 * bot-wide) to the next call after the refusals. Per chat: from each injected 429 to the
 * next call into that chat, expected at retry_after, or at the end of a global pause
 * that was running then.
 *
 * @param checked           pauses measured
 * @param worstErrorPercent the largest deviation from what was expected, in percent of retry_after
 * @param lines             one line per measured pause
 */
record PauseCheck(int checked, Double worstErrorPercent, List<String> lines) {

    static PauseCheck of(List<LoggedRequest> sends, Set<Long> faultedChats, Instant globalFaultAt,
                         Duration chatRetry, Duration globalRetry) {
        List<String> lines = new ArrayList<>();
        double worst = 0;
        Optional<Instant[]> global = globalPause(sends, globalFaultAt);
        if (global.isPresent()) {
            Duration measured = Duration.between(global.get()[0], global.get()[1]);
            worst = deviation(measured, globalRetry, globalRetry);
            lines.add("global pause: " + measured.toMillis() + " ms (retry_after " + globalRetry.toMillis() + " ms)");
        }
        for (int index = 0; index < sends.size(); index++) {
            LoggedRequest refused = sends.get(index);
            if (refused.status() != 429 || !faultedChats.contains(refused.chatId())
                    || (globalFaultAt != null && !refused.at().isBefore(globalFaultAt))) {
                continue;
            }
            Optional<Instant> next = sends.subList(index + 1, sends.size()).stream()
                    .filter(later -> later.chatId().equals(refused.chatId())).map(LoggedRequest::at).findFirst();
            if (next.isEmpty()) {
                continue;
            }
            Instant expectedEnd = refused.at().plus(chatRetry);
            if (global.isPresent() && !expectedEnd.isBefore(global.get()[0]) && expectedEnd.isBefore(global.get()[1])) {
                expectedEnd = global.get()[1];
            }
            Duration measured = Duration.between(refused.at(), next.get());
            worst = Math.max(worst, deviation(measured, Duration.between(refused.at(), expectedEnd), chatRetry));
            lines.add("chat " + refused.chatId() + " pause: " + measured.toMillis() + " ms (expected "
                    + Duration.between(refused.at(), expectedEnd).toMillis() + " ms)");
        }
        return new PauseCheck(lines.size(), lines.isEmpty() ? null : worst, lines);
    }

    /** [start, end] of the global pause: second chat refused, first call after the refusals. */
    private static Optional<Instant[]> globalPause(List<LoggedRequest> sends, Instant globalFaultAt) {
        if (globalFaultAt == null) {
            return Optional.empty();
        }
        List<LoggedRequest> refusals = sends.stream()
                .filter(request -> request.status() == 429 && !request.at().isBefore(globalFaultAt)).toList();
        Set<Long> chats = new HashSet<>();
        for (LoggedRequest refusal : refusals) {
            chats.add(refusal.chatId());
            if (chats.size() == 2) {
                Instant lastRefusal = refusals.get(refusals.size() - 1).at();
                return sends.stream().map(LoggedRequest::at).filter(at -> at.isAfter(lastRefusal)).findFirst()
                        .map(resumed -> new Instant[] {refusal.at(), resumed});
            }
        }
        return Optional.empty();
    }

    private static double deviation(Duration measured, Duration expected, Duration retryAfter) {
        return Math.abs(measured.toMillis() - expected.toMillis()) * 100.0 / retryAfter.toMillis();
    }
}
