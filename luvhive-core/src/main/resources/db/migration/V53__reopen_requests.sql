-- "Chat again?": one side's yes to reopening an ended chat. When both said yes within 24
-- hours of its end, the two meet again (a block or report between them cancels it).
create table reopen_requests (
    chat_id      bigint      not null references chats (id) on delete cascade,
    user_id      bigint      not null,
    requested_at timestamptz not null,
    primary key (chat_id, user_id)
);
