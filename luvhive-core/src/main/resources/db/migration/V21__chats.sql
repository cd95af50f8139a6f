-- Anonymous chats between two users. A chat has one membership row per side; the partial
-- unique index makes "one active chat per user" a database rule, not only a code rule.
create table chats (
    id          bigserial   primary key,
    started_at  timestamptz not null,
    ended_at    timestamptz,
    ended_by    bigint,
    end_reason  text        check (end_reason in ('stop', 'next', 'bot_blocked', 'banned', 'block', 'report',
                                                  'deleted'))
);
create index chats_ended_at on chats (ended_at) where ended_at is not null;

create table chat_members (
    chat_id    bigint  not null references chats (id) on delete cascade,
    user_id    bigint  not null,
    partner_id bigint  not null check (partner_id <> user_id),
    active     boolean not null default true,
    primary key (chat_id, user_id)
);
create unique index chat_members_one_active_chat on chat_members (user_id) where active;
create index chat_members_by_user on chat_members (user_id, chat_id desc);
create index chat_members_by_partner on chat_members (partner_id);

-- Which copy in the partner's chat stands for which original, so replies stay replies and
-- edits reach the copy. Ids only, never content; pruned a short while after the chat ends.
create table relayed_messages (
    chat_id           bigint  not null references chats (id) on delete cascade,
    sender_id         bigint  not null,
    source_message_id integer not null,
    recipient_id      bigint  not null,
    copy_message_id   integer not null,
    primary key (sender_id, source_message_id)
);
create index relayed_messages_by_copy on relayed_messages (recipient_id, copy_message_id);
create index relayed_messages_by_chat on relayed_messages (chat_id);

-- Thumbs up or down, once per chat and side.
create table ratings (
    chat_id    bigint      not null,
    rater_id   bigint      not null,
    rated_id   bigint      not null,
    value      smallint    not null check (value in (-1, 1)),
    created_at timestamptz not null,
    primary key (chat_id, rater_id)
);
create index ratings_rated on ratings (rated_id);
