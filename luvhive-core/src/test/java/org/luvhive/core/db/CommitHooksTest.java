package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class CommitHooksTest {

    private final TestDatabase database;
    private final List<String> ran = new CopyOnWriteArrayList<>();

    CommitHooksTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void hooksRunOnceAfterTheCommitInOrderAndThoseOfUndoneWritesNever() {
        database.jdbi().useTransaction(handle -> {
            CommitHooks.afterCommit(handle, () -> ran.add("kept"));
            handle.savepoint("undo");
            int mark = CommitHooks.mark(handle);
            CommitHooks.afterCommit(handle, () -> ran.add("undone"));
            handle.rollbackToSavepoint("undo");
            CommitHooks.discardFrom(handle, mark);
            CommitHooks.afterCommit(handle, () -> ran.add("after"));
            assertThat(ran).as("not before the commit").isEmpty();
        });
        database.jdbi().useTransaction(handle -> CommitHooks.afterCommit(handle, () -> ran.add("next")));

        assertThat(ran).containsExactly("kept", "after", "next");
    }

    @Test
    void nothingRunsAfterARollback() {
        assertThatThrownBy(() -> database.jdbi().useTransaction(handle -> {
            CommitHooks.afterCommit(handle, () -> ran.add("rolled back"));
            throw new IllegalStateException("undo everything");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ran).isEmpty();
    }

    @Test
    void outsideATransactionItRefusesAndLeavesNothingBehind() {
        database.jdbi().useHandle(handle -> {
            assertThatThrownBy(() -> CommitHooks.afterCommit(handle, () -> ran.add("never")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(CommitHooks.mark(handle)).isZero();
            handle.useTransaction(inside -> CommitHooks.afterCommit(inside, () -> ran.add("inside")));
        });

        assertThat(ran).containsExactly("inside");
    }
}
