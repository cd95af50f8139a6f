-- Mutual reveal: one side's consent to show who they are to this chat's partner, with the
-- @username they had when they consented (none: a tg://user link is sent instead). A row
-- goes on withdrawal, when both consented (both were told at once) and with its chat.
create table reveal_consents (
    chat_id      bigint      not null references chats (id) on delete cascade,
    user_id      bigint      not null,
    username     text,
    consented_at timestamptz not null,
    primary key (chat_id, user_id)
);
