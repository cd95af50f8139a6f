-- What each running bot instance's alert evaluator last decided, one row per instance
-- and alert, upserted every few seconds; `luvhive status` reads it. A row not updated
-- for a minute belongs to an instance that is gone (shown as stale); rows idle for a
-- day are deleted by the evaluators still running.
create table alert_state (
    instance   text             not null check (length(instance) between 1 and 200),
    alert      text             not null check (alert ~ '^[a-z][a-z0-9_]{0,49}$'),
    -- the figure over the alert's window, in the alert's unit (ratio, ms, per minute, rows); null: no data
    value      double precision,
    threshold  double precision not null,
    state      text             not null check (state in ('ok', 'firing')),
    since      timestamptz      not null,
    updated_at timestamptz      not null,
    primary key (instance, alert)
);
create index alert_state_updated on alert_state (updated_at);

comment on table alert_state is 'Runbook alerts as each running bot instance evaluates them (luvhive status)';
