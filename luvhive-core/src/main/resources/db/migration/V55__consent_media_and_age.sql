-- Consent-first media and age protection (issue #16).
-- Per user: whether photos, videos and GIFs from partners arrive blurred (a spoiler, the
-- default), whether they accept a wider age range (only when both sides do), and when they
-- said they were under 18 (such a user is never matched again).
alter table users add column media_spoilers boolean not null default true;
alter table users add column wide_age_range boolean not null default false;
alter table users add column minor_declared_at timestamptz;

-- The receiver's answer to "Allow media in this chat?", on their own side of the chat:
-- null until media first came, then 'asked', 'allowed' or 'declined' for the rest of the chat.
alter table chat_members add column media_consent text
    check (media_consent in ('asked', 'allowed', 'declined'));

-- Media a partner sent while the receiver has not allowed media in this chat yet: delivered
-- in order on Allow, dropped on Not now, gone with the chat. The file id and caption are kept
-- only until the receiver answers (or the chat ends).
create table held_media (
    id                bigserial   primary key,
    chat_id           bigint      not null references chats (id) on delete cascade,
    sender_id         bigint      not null,
    recipient_id      bigint      not null,
    source_message_id integer     not null,
    kind              text        not null check (kind in ('photo', 'video', 'animation', 'video_note')),
    file_id           text        not null,
    caption           text,
    caption_entities  text,
    reply_to_copy_id  integer,
    held_at           timestamptz not null,
    unique (sender_id, source_message_id)
);
create index held_media_chat on held_media (chat_id, recipient_id, id);
create index held_media_recipient on held_media (recipient_id);
