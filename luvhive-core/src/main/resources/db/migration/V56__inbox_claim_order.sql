-- The inbox claim takes waiting updates in update_id order. inbox_due (next_attempt_at,
-- update_id) could not give that order: every claim read and sorted all waiting rows,
-- testing each for an earlier pending update of its user, so a backlog of N updates made
-- each claim cost N probes (issue #17). Waiting rows in claim order let a claim stop
-- after its batch; the few retry rows not yet due are skipped on the way.
create index inbox_claim on inbox (update_id) where status in ('pending', 'retry');
drop index inbox_due;
