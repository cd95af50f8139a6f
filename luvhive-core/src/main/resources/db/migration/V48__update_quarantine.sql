-- Updates that could not be stored or understood (malformed JSON, no update_id, a
-- message without its chat, a text PostgreSQL refuses, ...): kept here, as received, so
-- they are confirmed to Telegram and never hold up the updates around them; an operator
-- reads them with `luvhive inbox quarantine`. Their bytes may hold what a user wrote, so
-- rows are deleted after a bounded time (the retention job, 14 days) and with the user
-- (/delete_me) when the sender could be told.
create table update_quarantine (
    id             bigserial   primary key,
    update_id      bigint,                 -- when one could be read
    user_id        bigint,                 -- the sender, when one could be read
    digest         bytea       not null,   -- SHA-256 of raw: a redelivery without update_id is kept once
    source         text        not null check (source in ('polling', 'webhook')),
    category       text        not null check (length(category) between 1 and 40),
    reason         text        not null check (length(reason) <= 1000),
    raw            bytea       not null,   -- the bytes as received (at most 1 MiB of them)
    raw_size       integer     not null,   -- how many bytes were received
    quarantined_at timestamptz not null
);
create unique index update_quarantine_update_id on update_quarantine (update_id) where update_id is not null;
create unique index update_quarantine_digest on update_quarantine (digest) where update_id is null;
create index update_quarantine_at on update_quarantine (quarantined_at);
create index update_quarantine_user on update_quarantine (user_id) where user_id is not null;

comment on table update_quarantine is 'Updates that could not be stored or understood, as received (luvhive inbox quarantine)';
