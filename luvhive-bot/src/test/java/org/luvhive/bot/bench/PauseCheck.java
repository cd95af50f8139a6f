package org.luvhive.bot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        Optional<Instant[]> global = globalPause(sends, faultedChats, globalFaultAt, chatRetry, globalRetry);
        if (global.isPresent()) {
            Duration measured = Duration.between(global.get()[0], global.get()[2]);
            Duration expected = Duration.between(global.get()[0], global.get()[1]);
            worst = deviation(measured, expected, globalRetry);
            lines.add("global pause: " + measured.toMillis() + " ms (expected " + expected.toMillis() + " ms)");
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
                expectedEnd = global.get()[1]; // its pause ended inside the global one
            }
            Duration measured = Duration.between(refused.at(), next.get());
            worst = Math.max(worst, deviation(measured, Duration.between(refused.at(), expectedEnd), chatRetry));
            lines.add("chat " + refused.chatId() + " pause: " + measured.toMillis() + " ms (expected "
                    + Duration.between(refused.at(), expectedEnd).toMillis() + " ms)");
        }
        return new PauseCheck(lines.size(), lines.isEmpty() ? null : worst, lines);
    }

    /**
     * The global pause as it happened: {first refusal of the global fault, when sending may
     * resume (the latest refusal plus its retry_after), when it did resume}. Refusals in
     * that burst from chats that also had their own fault count with their own retry_after.
     */
    private static Optional<Instant[]> globalPause(List<LoggedRequest> sends, Set<Long> faultedChats,
                                                   Instant globalFaultAt, Duration chatRetry, Duration globalRetry) {
        if (globalFaultAt == null) {
            return Optional.empty();
        }
        Instant burstEnd = globalFaultAt.plusSeconds(1);
        List<LoggedRequest> refusals = sends.stream()
                .filter(request -> request.status() == 429 && !request.at().isBefore(globalFaultAt)
                        && request.at().isBefore(burstEnd))
                .toList();
        if (refusals.stream().allMatch(refusal -> faultedChats.contains(refusal.chatId()))) {
            return Optional.empty();
        }
        Instant allowed = refusals.stream()
                .map(refusal -> refusal.at().plus(faultedChats.contains(refusal.chatId()) ? chatRetry : globalRetry))
                .max(Instant::compareTo).orElseThrow();
        Instant lastRefusal = refusals.get(refusals.size() - 1).at();
        return sends.stream().map(LoggedRequest::at).filter(at -> at.isAfter(lastRefusal)).findFirst()
                .map(resumed -> new Instant[] {refusals.get(0).at(), allowed, resumed});
    }

    private static double deviation(Duration measured, Duration expected, Duration retryAfter) {
        return Math.abs(measured.toMillis() - expected.toMillis()) * 100.0 / retryAfter.toMillis();
    }
}
