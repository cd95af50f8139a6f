package org.luvhive.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.user.Users;

/** The profile and the active chat, read in one statement, are what the two reads of their own return. */
@ExtendWith(PostgresExtension.class)
class SenderStateTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final TestDatabase database;
    private final Users users = new Users();
    private final Chats chats = new Chats(new Outbox(new ObjectMapper(), java.time.Clock.systemUTC(), () -> { }), users);

    SenderStateTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void people() {
        database.jdbi().useTransaction(handle -> {
            handle.execute("truncate users, chats, chat_members cascade");
            for (long userId : new long[] {1, 2, 3, 4}) {
                users.register(handle, userId, Language.EN, NOW);
            }
            chats.start(handle, 1, 2, NOW);
            long ended = chats.start(handle, 3, 4, NOW);
            handle.execute("update chat_members set active = false where chat_id = ?", ended);
            handle.execute("update chats set ended_at = ? where id = ?", NOW.plusSeconds(60), ended);
        });
    }

    @Test
    void inAChatTheProfileAndTheChatAreTheirOwnReads() {
        Optional<SenderState> sender = database.jdbi().withHandle(handle -> chats.sender(handle, 2));

        assertThat(sender).isPresent();
        assertThat(sender.get().profile()).isEqualTo(database.jdbi().withHandle(handle -> users.find(handle, 2)).get());
        assertThat(sender.get().chat()).isEqualTo(database.jdbi().withHandle(handle -> chats.active(handle, 2)));
        assertThat(sender.get().chat().get().partnerId()).isEqualTo(1);
    }

    @Test
    void anEndedChatIsNoChatAndSomeoneUnknownIsNobody() {
        Optional<SenderState> sender = database.jdbi().withHandle(handle -> chats.sender(handle, 3));

        assertThat(sender).isPresent();
        assertThat(sender.get().profile().userId()).isEqualTo(3);
        assertThat(sender.get().chat()).isEmpty();
        Optional<SenderState> nobody = database.jdbi().withHandle(handle -> chats.sender(handle, 99));
        assertThat(nobody).isEmpty();
    }
}
