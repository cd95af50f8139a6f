-- The delivery pipeline: every update in goes through the inbox, every call out through
-- the outbox. See architecture.md, "The way an update travels".

-- Updates as Telegram sent them, stored before Telegram is told they were received.
-- The payload is kept only until the update is handled (privacy: no chat content at
-- rest); the row itself stays a few days so a redelivered update_id is recognised.
create table inbox (
    update_id       bigint      primary key,
    kind            text        not null,
    user_id         bigint,
    chat_id         bigint,
    payload         jsonb,
    status          text        not null default 'pending'
                    check (status in ('pending', 'retry', 'handled', 'skipped', 'dead')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    received_at     timestamptz not null,
    handled_at      timestamptz,
    last_error      text
);
create index inbox_due on inbox (next_attempt_at, update_id) where status in ('pending', 'retry');
create index inbox_user_pending on inbox (user_id, update_id) where status = 'pending';
create index inbox_retention on inbox (received_at) where status in ('handled', 'skipped');

-- Calls waiting to be made. A sent row keeps no payload.
create table outbox (
    id                  bigserial   primary key,
    chat_id             bigint      not null,
    priority            smallint    not null check (priority between 0 and 2),
    method              text        not null,
    payload             jsonb,
    correlation         text,
    status              text        not null default 'queued'
                        check (status in ('queued', 'sending', 'sent', 'parked', 'cancelled')),
    attempts            integer     not null default 0,
    not_before          timestamptz not null,
    created_at          timestamptz not null,
    lease_owner         text,
    lease_until         timestamptz,
    sent_at             timestamptz,
    telegram_message_id integer,
    last_error          text
);
create index outbox_due on outbox (priority, id) where status = 'queued';
create index outbox_chat_pending on outbox (chat_id, id) where status in ('queued', 'sending');
create index outbox_lease on outbox (lease_until) where status = 'sending';
create index outbox_retention on outbox (created_at) where status in ('sent', 'cancelled');

-- Users who blocked the bot (403): nothing is sent to them until they write again.
create table blocked_recipients (
    chat_id    bigint      primary key,
    blocked_at timestamptz not null,
    reason     text        not null
);

-- Bucket4j's PostgreSQL backend: rate-limit buckets shared by every bot instance
-- (the global send budget, per-user inbound limits, callback debounce).
create table rate_limit_buckets (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);

-- Every change to a runtime setting is announced, so running bots apply it within a
-- second (LISTEN luvhive_ops_settings on a dedicated connection).
create function notify_ops_settings_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('luvhive_ops_settings', coalesce(new.key, old.key));
    return null;
end;
$$;

create trigger ops_settings_notify
    after insert or update or delete on ops_settings
    for each row execute function notify_ops_settings_change();
