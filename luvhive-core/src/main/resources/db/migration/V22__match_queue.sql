-- Users searching for a partner. Every writer takes the matcher's advisory lock first, so
-- pairing is serialised across bot instances; rows are also locked FOR UPDATE SKIP LOCKED.
create table match_queue (
    user_id             bigint      primary key references users (user_id) on delete cascade,
    enqueued_at         timestamptz not null,
    boosted_at          timestamptz,
    waiting_notice_sent boolean     not null default false
);
create index match_queue_order on match_queue ((boosted_at is null), boosted_at, enqueued_at);
