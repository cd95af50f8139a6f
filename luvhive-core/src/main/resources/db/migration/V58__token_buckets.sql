-- The inbound gate's buckets (a user's messages, their "slow down" notices, a button's
-- debounce) move out of Bucket4j's rate_limit_buckets, which took a second connection,
-- a SELECT ... FOR UPDATE, an UPDATE and a commit per update (issue #17). A bucket is one
-- row holding when it will be full again (the generic cell rate algorithm: one instant
-- says as much as a token count and its last refill), taken by one upsert in the
-- update's own transaction; the row lock serialises instances, so the limit stays exact.
-- No index but the key: a take is then a HOT update, and retention reads the few rows
-- by a scan. fillfactor leaves room on each page for those updates.
create table token_buckets (
    id     text        primary key,
    due_at timestamptz not null
) with (fillfactor = 70);

-- Their state in the old table starts afresh (at most one burst more, once, at upgrade).
delete from rate_limit_buckets
where starts_with(id, 'inbound:') or starts_with(id, 'slowdown:') or starts_with(id, 'debounce:');
