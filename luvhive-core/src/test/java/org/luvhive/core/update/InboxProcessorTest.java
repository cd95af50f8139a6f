package org.luvhive.core.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luvhive.core.bot.Updates.preCheckout;
import static org.luvhive.core.bot.Updates.successfulPayment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.junit.jupiter.api.AfterEach;
import org.luvhive.core.db.CommitHooks;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LiveLimits;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramFailure;
import org.luvhive.core.telegram.TelegramGateway;
import org.luvhive.core.testing.HeldRow;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;

@ExtendWith(PostgresExtension.class)
class InboxProcessorTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-11-29T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<Long> transactions = new CopyOnWriteArrayList<>();
    private final List<String> telegramCalls = new CopyOnWriteArrayList<>();
    private final List<Long> hooksRun = new CopyOnWriteArrayList<>();
    private final AtomicInteger savepoints = new AtomicInteger();
    private InboxStore store;
    private TransactionHandler production;
    private InboxProcessor processor;

    InboxProcessorTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void setUp() {
        database.jdbi().useHandle(handle -> handle.execute("truncate inbox, outbox, token_buckets, blocked_recipients"));
        processor = processor(LimitsProfile.NORMAL.limits());
        production = database.jdbi().getTransactionHandler();
        database.jdbi().setTransactionHandler(new DelegatingTransactionHandler(production) {
            @Override
            public void savepoint(Handle handle, String name) {
                savepoints.incrementAndGet();
                super.savepoint(handle, name);
            }
        });
    }

    @AfterEach
    void restoreTransactions() {
        database.jdbi().setTransactionHandler(production);
    }

    private InboxProcessor processor(RateLimits limits) {
        Outbox outbox = new Outbox(mapper, clock, () -> { });
        UpdateRouter router = UpdateRouter.builder()
                .command("echo", context -> {
                    handled.add("echo " + context.update().getUpdateId());
                    context.reply("echo: " + UpdateRouter.commandArguments(context.update().getMessage()));
                })
                .command("fail", context -> {
                    context.reply("this row must vanish with the rollback");
                    long updateId = context.update().getUpdateId();
                    CommitHooks.afterCommit(context.handle(), () -> hooksRun.add(updateId));
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("handler broke");
                    }
                    handled.add("fail " + context.update().getUpdateId());
                })
                .command("call", context -> {
                    context.reply("told Telegram");
                    context.callNow(AnswerCallbackQuery.builder().callbackQueryId("q" + context.update().getUpdateId())
                            .build());
                    handled.add("call " + context.update().getUpdateId());
                })
                .command("hook", context -> {
                    long updateId = context.update().getUpdateId();
                    CommitHooks.afterCommit(context.handle(), () -> hooksRun.add(updateId));
                    handled.add("hook " + updateId);
                })
                .command("contend_then_fail", context -> {
                    InboxBatch.endAfterThisUpdate(context.handle());
                    throw new IllegalStateException("broke after taking the lock");
                })
                .command("lockable", context -> handled.add("lockable " + CompletableFuture.supplyAsync(
                        // on a thread of its own: Jdbi would lend this thread's open handle, the batch's transaction
                        () -> database.jdbi().inTransaction(other -> other
                                .createQuery("select update_id from inbox where update_id = 2 for update skip locked")
                                .mapTo(Long.class).findOne().isPresent())).join()))
                .command("contend", context -> {
                    handled.add("contend " + context.update().getUpdateId());
                    InboxBatch.endAfterThisUpdate(context.handle());
                })
                .callback("press:", context -> handled.add("press " + context.update().getUpdateId()))
                .callback("flaky:", context -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("button handler broke");
                    }
                    handled.add("flaky " + context.update().getUpdateId());
                })
                .preCheckoutQuery(context -> handled.add("pre-checkout " + context.update().getUpdateId()))
                .message(MessageKind.SUCCESSFUL_PAYMENT, context -> handled.add("paid " + context.update().getUpdateId()))
                .message(MessageKind.TEXT, context -> {
                    handled.add("text " + context.update().getUpdateId());
                    transactions.add(context.handle().createQuery("select txid_current()").mapTo(Long.class).one());
                })
                .build();
        InboundGate gate = new InboundGate(LiveLimits.fixed(limits), registry, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30));
        store = new InboxStore(database.jdbi(), mapper, clock, registry, () -> { });
        return new InboxProcessor(database.jdbi(), mapper, router, gate, outbox,
                new TelegramGateway() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T extends java.io.Serializable> T execute(
                            org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<T> method) {
                        if (method instanceof AnswerCallbackQuery answer) {
                            telegramCalls.add(answer.getCallbackQueryId());
                            return (T) Boolean.TRUE;
                        }
                        throw new TelegramCallException(TelegramFailure.TRANSIENT, 0, "no Telegram in this test", null, null);
                    }

                    @Override
                    public boolean setWebhook(org.telegram.telegrambots.meta.api.methods.updates.SetWebhook setWebhook) {
                        throw new TelegramCallException(TelegramFailure.TRANSIENT, 0, "no Telegram in this test", null, null);
                    }
                },
                clock, registry, 3, Duration.ofSeconds(1));
    }

    private void drain() {
        while (processor.processNext()) {
            // keep going
        }
    }

    private Map<String, Object> row(long updateId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select status, attempts, payload is null as payload_gone, last_error from inbox where update_id = :id")
                .bind("id", updateId).mapToMap().one());
    }

    private List<String> outboxTexts() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select payload->>'text' from outbox order by id").mapTo(String.class).list());
    }

    @Test
    void storesOnceHandlesOnceAndForgetsThePayload() {
        assertThat(store.store(List.of(Updates.text(1, 10, "/echo hi")))).isEqualTo(1);
        assertThat(store.store(List.of(Updates.text(1, 10, "/echo hi")))).as("redelivered").isZero();

        drain();

        assertThat(handled).containsExactly("echo 1");
        assertThat(row(1)).containsEntry("status", "handled").containsEntry("payload_gone", true);
        assertThat(outboxTexts()).containsExactly("echo: hi");
    }

    @Test
    void aUsersUpdatesAreHandledInOrderAndOthersInterleave() {
        store.store(List.of(Updates.text(1, 10, "a"), Updates.text(2, 20, "b"), Updates.text(3, 10, "c"),
                Updates.text(4, 20, "d")));

        drain();

        assertThat(handled).containsExactly("text 1", "text 2", "text 3", "text 4");
    }

    @Test
    void updatesOfDifferentUsersAndAUsersNextOnesAreHandledInOneTransactionInOrder() {
        store.store(List.of(Updates.text(1, 10, "a"), Updates.text(2, 20, "b"), Updates.text(3, 30, "c"),
                Updates.text(4, 10, "d"), Updates.text(5, 40, "e"), Updates.text(6, 10, "f")));

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).as("user 10's updates in their order, with the others in between")
                .containsExactly("text 1", "text 2", "text 3", "text 4", "text 5", "text 6");
        assertThat(transactions).as("one batch, one commit").hasSize(6).containsOnly(transactions.get(0));
    }

    @Test
    void aUsersNextUpdateWaitsWhileAnotherInstanceHandlesTheirEarlierOne() throws Exception {
        store.store(List.of(Updates.text(1, 10, "a"), Updates.text(2, 20, "b"), Updates.text(3, 10, "c")));

        HeldRow.whileHeld(database.jdbi(), 1, () -> {
            assertThat(processor.processNext()).isTrue();

            assertThat(handled).as("user 10's second update waits for the first").containsExactly("text 2");
            assertThat(row(3)).containsEntry("status", "pending");
        });

        drain();
        assertThat(handled).containsExactly("text 2", "text 1", "text 3");
    }

    @Test
    void usersQueuedBehindAnotherInstancesSlowBatchOfOneUsersUpdatesAreHandledMeanwhile() throws Exception {
        List<Update> updates = new ArrayList<>();
        for (int updateId = 1; updateId <= 18; updateId++) {
            updates.add(Updates.text(updateId, 10, "flood " + updateId));
        }
        updates.add(Updates.text(19, 20, "/lockable"));
        updates.add(Updates.text(20, 30, "c"));
        store.store(updates);

        HeldRow.whileHeld(database.jdbi(), 1, () -> {
            assertThat(processor.processNext()).isTrue();

            assertThat(handled).as("user 10's next 16 wait for update 1; the users behind them do not, and while"
                    + " they are handled the waiting ones are free for whoever works through user 10's")
                    .containsExactly("lockable true", "text 20");
            assertThat(row(2)).containsEntry("status", "pending");
        });

        drain();
        assertThat(handled).as("then user 10's, in order (those over the user's limit skipped)")
                .startsWith("lockable true", "text 20", "text 1", "text 2", "text 3");
        assertThat(handled.subList(2, handled.size())).isSortedAccordingTo(
                Comparator.comparingInt(text -> Integer.parseInt(text.substring("text ".length()))));
        assertThat(row(18).get("status")).isIn("handled", "skipped");
    }

    @Test
    void aHandlerHoldingASharedLockCommitsItsBatchAtOnceTheRestWaitsForTheNextClaim() {
        store.store(List.of(Updates.text(1, 10, "a"), Updates.text(2, 20, "/contend"), Updates.text(3, 30, "c"),
                Updates.text(4, 40, "d")));

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).as("the batch ends with the handler that took the lock").containsExactly("text 1", "contend 2");
        assertThat(row(3)).containsEntry("status", "pending");
        drain();
        assertThat(handled).containsExactly("text 1", "contend 2", "text 3", "text 4");
        assertThat(transactions.get(1)).as("handled after the lock's commit").isNotEqualTo(transactions.get(0));
    }

    @Test
    void usersWhoWriteAgainAreReachableAgainOthersStayMarked() {
        database.jdbi().useHandle(handle -> handle.execute("""
                insert into blocked_recipients (chat_id, blocked_at, reason)
                values (10, now(), 'blocked'), (20, now(), 'blocked'), (30, now(), 'blocked')"""));
        store.store(List.of(Updates.text(1, 10, "back"), Updates.text(2, 20, "me too")));

        drain();

        List<Long> stillMarked = database.jdbi().withHandle(handle -> handle.createQuery(
                "select chat_id from blocked_recipients order by chat_id").mapTo(Long.class).list());
        assertThat(stillMarked).containsExactly(30L);
    }

    @Test
    void aBatchTakesOneSavepointNotOnePerUpdate() {
        for (int index = 1; index <= 16; index++) {
            store.store(List.of(Updates.text(index, 100 + index, "hello " + index)));
        }

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).hasSize(16);
        assertThat(savepoints).as("a savepoint is a round trip: one for the batch").hasValue(1);
        assertThat(registry.get(InboxProcessor.HANDLED).tag("outcome", "handled").counter().count()).isEqualTo(16);
    }

    @Test
    void aFailingHandlerInABatchUndoesOnlyItsOwnWrites() {
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/echo one"), Updates.text(2, 20, "/fail"),
                Updates.text(3, 30, "/echo three")));

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).as("the update before the failure runs again, under a savepoint of its own")
                .containsExactly("echo 1", "echo 1", "echo 3");
        assertThat(outboxTexts()).as("the first run's writes undone").containsExactly("echo: one", "echo: three");
        assertThat(row(1)).containsEntry("status", "handled");
        assertThat(row(2)).containsEntry("status", "retry").containsEntry("attempts", 1);
        assertThat(row(3)).containsEntry("status", "handled");
        assertThat(registry.get(InboxProcessor.HANDLED).tag("outcome", "handled").counter().count())
                .as("counted once, at the end of the batch").isEqualTo(2);
        assertThat(savepoints).as("the batch's, then one per update from the failure on").hasValue(3);
    }

    @Test
    void aHandlerThatCalledTelegramIsNotRunAgainWhenALaterOneFails() {
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/echo one"), Updates.text(2, 20, "/call"),
                Updates.text(3, 30, "/echo three"), Updates.text(4, 40, "/fail"), Updates.text(5, 50, "/echo five")));

        assertThat(processor.processNext()).isTrue();

        assertThat(telegramCalls).as("Telegram told once").containsExactly("q2");
        assertThat(handled).containsExactly("echo 1", "call 2", "echo 3", "echo 3", "echo 5");
        assertThat(outboxTexts()).containsExactly("echo: one", "told Telegram", "echo: three", "echo: five");
        assertThat(row(4)).containsEntry("status", "retry");
    }

    @Test
    void whatAnUndoneRunLeftForAfterTheCommitIsDropped() {
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/hook"), Updates.text(2, 20, "/fail"), Updates.text(3, 30, "/hook")));

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).containsExactly("hook 1", "hook 1", "hook 3");
        assertThat(hooksRun).as("each kept run's hook once; the failed update's none").containsExactly(1L, 3L);
    }

    @Test
    void aHandlerThatEndsTheBatchAndThenFailsDoesNotEndTheRest() {
        store.store(List.of(Updates.text(1, 10, "/echo one"), Updates.text(2, 20, "/contend_then_fail"),
                Updates.text(3, 30, "/echo three")));

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).as("its request undone with its writes").containsExactly("echo 1", "echo 1", "echo 3");
        assertThat(row(2)).containsEntry("status", "retry");
        assertThat(row(3)).containsEntry("status", "handled");
    }

    /** One token per 10 s: a token taken twice for one message shows as a refused retry. */
    private static final RateLimits ONE_PER_TEN_SECONDS = new RateLimits("custom", 0.1, 1, 15, 15, 20, false);

    @Test
    void theTokensOfUpdatesLeftForTheNextClaimAreGivenBack() {
        processor = processor(ONE_PER_TEN_SECONDS);
        store.store(List.of(Updates.text(1, 10, "/contend"), Updates.text(2, 20, "hello"), Updates.text(3, 30, "hi")));

        assertThat(processor.processNext()).isTrue();
        assertThat(handled).containsExactly("contend 1");
        drain();

        assertThat(handled).as("taken with the first batch, given back when it ended early")
                .containsExactly("contend 1", "text 2", "text 3");
        assertThat(row(2)).containsEntry("status", "handled");
        store.store(List.of(Updates.text(4, 20, "again")));
        drain();
        assertThat(row(4)).as("one token spent, not two: the limit is as exact as before").containsEntry("status", "skipped");
    }

    @Test
    void aFailedUpdatesTokenIsGivenBackForItsRetry() {
        processor = processor(ONE_PER_TEN_SECONDS);
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/call"), Updates.text(2, 20, "/fail"), Updates.text(3, 30, "/echo x")));

        assertThat(processor.processNext()).isTrue();
        assertThat(row(2)).containsEntry("status", "retry");
        clock.advance(Duration.ofSeconds(1));
        drain();

        assertThat(row(2)).as("its token was not spent by the failed attempt").containsEntry("status", "handled");
        assertThat(handled).containsExactly("call 1", "echo 3", "fail 2");
        assertThat(telegramCalls).containsExactly("q1");
    }

    @Test
    void tokensTakenTogetherAreUndoneWithTheBatchAndTakenOnceByItsRedo() {
        processor = processor(ONE_PER_TEN_SECONDS);
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/echo one"), Updates.text(2, 20, "/fail")));

        assertThat(processor.processNext()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        store.store(List.of(Updates.text(3, 10, "/echo too soon")));
        drain();

        assertThat(row(1)).containsEntry("status", "handled");
        assertThat(row(2)).as("the undone take left its token").containsEntry("status", "handled");
        assertThat(row(3)).as("user 10 spent one token, once").containsEntry("status", "skipped");
    }

    @Test
    void whenTheBatchsTokenStatementFailsEachUpdateTakesItsOwn() {
        processor = processor(ONE_PER_TEN_SECONDS);
        database.jdbi().useHandle(handle -> handle.execute("""
                create function refuse_batch_takes() returns trigger language plpgsql as $$
                begin
                    if current_query() like '%unnest%' then
                        raise exception 'no batch takes today';
                    end if;
                    return new;
                end $$;
                create trigger refuse_batch_takes before insert on token_buckets
                    for each row execute function refuse_batch_takes();
                """));
        try {
            failuresLeft.set(1);
            store.store(List.of(Updates.text(1, 10, "one"), Updates.text(2, 20, "two"), Updates.text(3, 30, "three"),
                    Updates.text(5, 50, "/fail")));

            assertThat(processor.processNext()).isTrue();

            assertThat(handled).as("a handler failing after it goes back to the batch's savepoint again")
                    .containsExactly("text 1", "text 2", "text 3", "text 1", "text 2", "text 3");
            assertThat(row(5)).containsEntry("status", "retry");
            store.store(List.of(Updates.text(4, 10, "too soon")));
            drain();
            assertThat(row(4)).as("the limit held on the fallback path").containsEntry("status", "skipped");
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("""
                    drop trigger refuse_batch_takes on token_buckets;
                    drop function refuse_batch_takes();
                    """));
        }
    }

    @Test
    void aRetriedButtonPressAndANewMessageOfOneUserInOneBatchSpendATokenEach() {
        processor = processor(ONE_PER_TEN_SECONDS);
        failuresLeft.set(1);
        store.store(List.of(Updates.callback(1, 10, 50, "flaky:yes")));
        assertThat(processor.processNext()).isTrue();
        assertThat(row(1)).containsEntry("status", "retry");
        clock.advance(Duration.ofSeconds(1));
        store.store(List.of(Updates.text(2, 10, "and a message")));

        assertThat(processor.processNext()).isTrue();

        assertThat(handled).as("the retry and the new message in one batch, one token between them")
                .containsExactly("flaky 1");
        assertThat(row(1)).containsEntry("status", "handled");
        assertThat(row(2)).containsEntry("status", "skipped");
    }

    @Test
    void aHandlerRunAloneThatEndsTheBatchAndThenFailsDoesNotEndTheRest() {
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/fail"), Updates.text(2, 20, "/contend_then_fail"),
                Updates.text(3, 30, "/echo three")));

        assertThat(processor.processNext()).isTrue();

        assertThat(row(2)).containsEntry("status", "retry");
        assertThat(row(3)).as("handled in the same batch").containsEntry("status", "handled");
    }

    @Test
    void aBatchWhoseCommitFailsIsNotCounted() {
        database.jdbi().useHandle(handle -> handle.execute("""
                create function refuse_commit() returns trigger language plpgsql as $$
                begin
                    raise exception 'commit refused';
                end $$;
                create constraint trigger refuse_commit after update on inbox deferrable initially deferred
                    for each row execute function refuse_commit();
                """));
        try {
            store.store(List.of(Updates.text(1, 10, "lost with the commit")));

            assertThatThrownBy(processor::processNext).hasRootCauseMessage("ERROR: commit refused");

            assertThat(registry.find(InboxProcessor.HANDLED).counter()).isNull();
            assertThat(row(1)).containsEntry("status", "pending");
        } finally {
            database.jdbi().useHandle(handle -> handle.execute("""
                    drop trigger refuse_commit on inbox;
                    drop function refuse_commit();
                    """));
        }
    }

    @Test
    void failingHandlerIsRetriedWithBackoffAndItsWritesRolledBack() {
        failuresLeft.set(1);
        store.store(List.of(Updates.text(1, 10, "/fail")));

        drain();
        assertThat(row(1)).containsEntry("status", "retry").containsEntry("attempts", 1)
                .containsEntry("last_error", "IllegalStateException: handler broke");
        assertThat(outboxTexts()).isEmpty();

        clock.advance(Duration.ofMillis(999));
        assertThat(processor.processNext()).as("not before the back-off").isFalse();
        clock.advance(Duration.ofMillis(1));
        drain();

        assertThat(handled).containsExactly("fail 1");
        assertThat(row(1)).containsEntry("status", "handled");
        assertThat(outboxTexts()).containsExactly("this row must vanish with the rollback");
    }

    @Test
    void aFailingUpdateIsParkedAfterItsAttemptsAndBlocksNothingBehindIt() {
        failuresLeft.set(100);
        store.store(List.of(Updates.text(1, 10, "/fail"), Updates.text(2, 10, "after")));

        drain();
        assertThat(handled).as("the user's next update is not held hostage").containsExactly("text 2");
        for (int attempt = 0; attempt < 5; attempt++) {
            clock.advance(Duration.ofMinutes(1));
            drain();
        }

        assertThat(row(1)).containsEntry("status", "dead").containsEntry("attempts", 3)
                .containsEntry("payload_gone", false);
        assertThat(registry.get(InboxProcessor.FAILED).tag("outcome", "dead").counter().count()).isEqualTo(1);
        assertThat(registry.get(InboxProcessor.FAILED).tag("outcome", "retry").counter().count()).isEqualTo(2);
    }

    @Test
    void aUserOverTheLimitHasTheExcessDroppedAndIsToldOnce() {
        processor = processor(new RateLimits("custom", 1, 2, 15, 15, 20, false));
        for (int index = 1; index <= 6; index++) {
            store.store(List.of(Updates.text(index, 10, "spam " + index)));
        }

        drain();

        assertThat(handled).containsExactly("text 1", "text 2");
        assertThat(outboxTexts()).containsExactly(Texts.of(Language.EN, "limits.slow_down"));
        assertThat(registry.get(InboundGate.LIMITED).tag("reason", "rate").counter().count()).isEqualTo(4);
        assertThat(row(3)).containsEntry("status", "skipped").containsEntry("payload_gone", true);

        clock.advance(Duration.ofSeconds(1));
        store.store(List.of(Updates.text(7, 10, "calm again")));
        drain();
        assertThat(handled).endsWith("text 7");
    }

    @Test
    void paymentsPassAUserWhoIsOverTheLimit() {
        processor = processor(new RateLimits("custom", 1, 1, 15, 15, 20, false));
        store.store(List.of(Updates.text(1, 10, "first"), Updates.text(2, 10, "too fast")));
        store.store(List.of(preCheckout(3, 10, "premium:30", 250),
                successfulPayment(4, 10, 4, "premium:30", 250, "charge-4")));
        store.store(List.of(Updates.text(5, 10, "still too fast")));

        drain();

        assertThat(handled).containsExactly("text 1", "pre-checkout 3", "paid 4");
        assertThat(row(5)).containsEntry("status", "skipped");
        assertThat(registry.get(InboundGate.LIMITED).tag("reason", "rate").counter().count()).isEqualTo(2);
    }

    @Test
    void aBacklogAfterDowntimeIsNotRateLimited() {
        processor = processor(new RateLimits("custom", 1, 1, 15, 15, 20, false));
        for (int index = 1; index <= 4; index++) {
            store.store(List.of(Updates.text(index, 10, "while down " + index)));
        }
        clock.advance(Duration.ofMinutes(5));

        drain();

        assertThat(handled).hasSize(4);
    }

    @Test
    void aBacklogFetchedAfterARestartIsToldByTheMessagesDatesAndNotRateLimited() {
        processor = processor(new RateLimits("custom", 1, 1, 15, 15, 20, false));
        // sent one a minute while the bot was down, all fetched and stored just now
        store.store(List.of(Updates.text(1, 10, "while down 1", Updates.SENT.minus(Duration.ofMinutes(4))),
                Updates.text(2, 10, "while down 2", Updates.SENT.minus(Duration.ofMinutes(3))),
                Updates.text(3, 10, "while down 3", Updates.SENT.minus(Duration.ofMinutes(2))),
                Updates.text(4, 10, "while down 4", Updates.SENT.minus(Duration.ofMinutes(1)))));

        drain();

        assertThat(handled).containsExactly("text 1", "text 2", "text 3", "text 4");
        assertThat(outboxTexts()).as("no misleading 'slow down'").isEmpty();
        assertThat(registry.find(InboundGate.LIMITED).counter()).isNull();

        store.store(List.of(Updates.text(5, 10, "now"), Updates.text(6, 10, "now, too fast")));
        drain();
        assertThat(handled).as("what is sent now is limited as ever").endsWith("text 5").doesNotContain("text 6");
    }

    @Test
    void aShortBacklogIsToldByHowLateItArrivedAndNotRateLimited() {
        processor = processor(new RateLimits("custom", 1, 1, 15, 15, 20, false));
        // sent 3 s apart while getUpdates failed for 20 s, all fetched and stored just now
        store.store(List.of(Updates.text(1, 10, "held 1", Updates.SENT.minus(Duration.ofSeconds(20))),
                Updates.text(2, 10, "held 2", Updates.SENT.minus(Duration.ofSeconds(17))),
                Updates.text(3, 10, "held 3", Updates.SENT.minus(Duration.ofSeconds(14))),
                Updates.text(4, 10, "held 4", Updates.SENT.minus(Duration.ofSeconds(11))),
                Updates.text(5, 10, "held 5", Updates.SENT.minus(Duration.ofSeconds(8)))));

        drain();

        assertThat(handled).containsExactly("text 1", "text 2", "text 3", "text 4", "text 5");
        assertThat(outboxTexts()).as("no misleading 'slow down'").isEmpty();

        store.store(List.of(Updates.text(6, 10, "now"), Updates.text(7, 10, "now, too fast")));
        drain();
        assertThat(handled).as("what is sent now is limited as ever").endsWith("text 6").doesNotContain("text 7");
    }

    @Test
    void repeatedButtonPressesAreHandledOnceAndStillAnswered() {
        store.store(List.of(Updates.callback(1, 10, 50, "press:yes"), Updates.callback(2, 10, 50, "press:yes"),
                Updates.callback(3, 10, 50, "press:no")));

        drain();
        clock.advance(Duration.ofSeconds(2));
        store.store(List.of(Updates.callback(4, 10, 50, "press:yes")));
        drain();

        assertThat(handled).containsExactly("press 1", "press 3", "press 4");
        Integer answers = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from outbox where method = 'answercallbackquery'").mapTo(Integer.class).one());
        assertThat(answers).isEqualTo(1);
    }
}
