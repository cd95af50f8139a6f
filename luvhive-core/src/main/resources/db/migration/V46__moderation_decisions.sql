-- What moderation decided and what it holds against users. Every decision (a rule hit,
-- a strike, a warning, a mute, a ban, a lift, a dismissal) is a row here and a JSON line
-- in violations.log; the text itself is never kept beyond a short redacted excerpt.
create table moderation_decisions (
    id         bigserial   primary key,
    user_id    bigint      not null,
    chat_id    bigint,
    action     text        not null check (action in ('block', 'strike', 'warn', 'mute', 'ban', 'lift', 'dismiss',
                                                      'hold', 'appeal', 'report_mute', 'refuse')),
    rules      text[]      not null default '{}',
    kinds      text[]      not null default '{}',
    level      text        check (level in ('relaxed', 'normal', 'strict', 'lockdown')),
    -- counts towards the strike ladder (a media lock or an admin's action does not)
    strike     boolean     not null default false,
    -- when a mute or ban ends (null for a ban waiting for an admin)
    until      timestamptz,
    excerpt    text        check (length(excerpt) <= 64),
    -- the admin who decided; null for the bot
    decided_by bigint,
    case_id    bigint,
    at         timestamptz not null
);
create index moderation_decisions_user on moderation_decisions (user_id, at);
create index moderation_decisions_at on moderation_decisions (at);

comment on table moderation_decisions is 'Every moderation decision: rule hits, strikes, mutes, bans, lifts';

-- A muted user's messages are not relayed until `until`.
create table moderation_mutes (
    user_id     bigint      primary key,
    until       timestamptz not null,
    decision_id bigint      not null
);

-- The admin queue: at most one open case per user, which reports, escalations and
-- appeals join; the highest priority first.
create table moderation_cases (
    id         bigserial   primary key,
    user_id    bigint      not null,
    priority   integer     not null,
    reason     text        not null check (reason in ('minor', 'reports', 'ban_review', 'appeal', 'report')),
    status     text        not null default 'open' check (status in ('open', 'closed')),
    opened_at  timestamptz not null,
    updated_at timestamptz not null,
    closed_at  timestamptz,
    closed_by  bigint,
    resolution text        check (resolution in ('ban', 'mute', 'dismiss', 'lift'))
);
create unique index moderation_cases_open_user on moderation_cases (user_id) where status = 'open';
create index moderation_cases_queue on moderation_cases (priority desc, updated_at) where status = 'open';

alter table reports add column case_id bigint;

-- Users kept out of matching until an admin decides (a report that they seem under 18).
create table matching_holds (
    user_id bigint      primary key,
    case_id bigint      not null,
    since   timestamptz not null
);

-- One appeal per mute or ban: the decision it appeals is the key.
create table moderation_appeals (
    decision_id bigint      primary key,
    user_id     bigint      not null,
    case_id     bigint      not null,
    text        text        check (length(text) <= 500),
    at          timestamptz not null
);

-- Hashes of recently relayed texts, for the duplicate rule (the same text to several
-- partners): never the text, and kept only for the longest duplicate window.
create table message_fingerprints (
    user_id     bigint      not null,
    fingerprint bigint      not null,
    chat_id     bigint      not null,
    at          timestamptz not null
);
create index message_fingerprints_lookup on message_fingerprints (user_id, fingerprint, at);
create index message_fingerprints_at on message_fingerprints (at);
