-- Blocks: the blocked user is never matched with the blocker again. Kept when the blocked
-- user deletes their data, so deleting and coming back does not undo a block.
create table blocks (
    blocker_id bigint      not null,
    blocked_id bigint      not null check (blocked_id <> blocker_id),
    chat_id    bigint,
    created_at timestamptz not null,
    primary key (blocker_id, blocked_id)
);
create index blocks_by_blocked on blocks (blocked_id, blocker_id);

-- Bans: null banned_until means permanent.
create table bans (
    user_id      bigint      primary key,
    banned_until timestamptz,
    reason       text        not null check (length(reason) between 1 and 500),
    banned_by    bigint      not null,
    created_at   timestamptz not null
);

create table reports (
    id          bigserial   primary key,
    chat_id     bigint      not null,
    reporter_id bigint      not null,
    reported_id bigint      not null,
    reason      text        not null check (reason in ('spam', 'abuse', 'sexual', 'minor', 'scam', 'other')),
    details     text        check (length(details) <= 1000),
    status      text        not null default 'open' check (status in ('open', 'dismissed', 'actioned')),
    created_at  timestamptz not null,
    resolved_by bigint,
    resolved_at timestamptz,
    unique (chat_id, reporter_id)
);
create index reports_open on reports (id) where status = 'open';
create index reports_reported on reports (reported_id);

-- Every admin command, allowed or refused: who, what, when.
create table admin_audit (
    id       bigserial   primary key,
    admin_id bigint      not null,
    action   text        not null,
    target   text,
    details  text,
    allowed  boolean     not null,
    at       timestamptz not null
);
create index admin_audit_at on admin_audit (at);
