-- Honest search. Each waiting user's "Searching…" message, edited in place as the count of
-- people who fit and the estimated wait change: its Telegram id (once sent), the text it
-- shows and when it was last edited (edits are rate-limited; several instances share it).
-- waiting_notice_sent now marks the offer to widen the filters (one per search); widened:
-- the user took it, so their premium filters do not apply for the rest of this search.
alter table match_queue
    add column status_message_id integer,
    add column status_text       text,
    add column status_at         timestamptz,
    add column widened           boolean not null default false;

-- How long recent matches took, for the estimate: the wait alone, no user id.
create table match_waits (
    matched_at timestamptz not null,
    waited_ms  bigint      not null check (waited_ms >= 0)
);
create index match_waits_by_time on match_waits (matched_at);

-- The premium filter that requires a shared language (the bot's language of each).
alter table users add column filter_same_language boolean not null default false;

-- What a paid search promised and how it ended: a paid boost (a partner within the promised
-- time or its Stars back) and a premium filter search (or the time credited to premium).
-- One row per promise; settled once (outcome set), whichever instance gets there first.
create table search_promises (
    id               bigserial   primary key,
    kind             text        not null check (kind in ('paid_boost', 'filter_search')),
    user_id          bigint      not null,
    started_at       timestamptz not null,
    due_at           timestamptz not null,
    charge_id        text        unique references payments (telegram_payment_charge_id),
    stars            integer,
    outcome          text        check (outcome in ('kept', 'refund_queued', 'refunded', 'refund_failed',
                                                    'credited')),
    settled_at       timestamptz,
    credited_seconds bigint,
    unique (user_id, kind, started_at),
    check ((kind = 'paid_boost') = (charge_id is not null))
);
create index search_promises_open on search_promises (due_at) where outcome is null or outcome = 'refund_queued';
