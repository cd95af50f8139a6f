-- What `luvhive db` reads besides PostgreSQL's own statistics views.

-- Each running bot instance's connection pool, upserted every few seconds over a
-- connection outside the pool (so an exhausted pool is still reported); `luvhive db
-- connections` reads it. A row not updated for a minute belongs to an instance that is
-- gone; a clean stop deletes its row, rows idle for a day are deleted by the others.
create table db_pool_state (
    instance         text        primary key check (length(instance) between 1 and 200),
    application_name text        not null,  -- what the pool's sessions show in pg_stat_activity
    active           integer     not null,
    idle             integer     not null,
    waiting          integer     not null,  -- threads waiting for a connection
    maximum          integer     not null,
    full_since       timestamptz,           -- since when every connection is in use; null: not full
    reset_applied    timestamptz,           -- the latest `luvhive db pool reset` this instance carried out
    updated_at       timestamptz not null
);

-- Each running bot instance's own timings per statement (from the `luvhive.db.query`
-- timer's statements), for `luvhive db slow` where the server has no pg_stat_statements.
-- Totals since the instance started; same lifecycle as db_pool_state.
create table db_statement_timings (
    instance   text             not null check (length(instance) between 1 and 200),
    statement  text             not null,
    calls      bigint           not null,
    errors     bigint           not null,
    total_ms   double precision not null,
    max_ms     double precision not null,
    updated_at timestamptz      not null,
    primary key (instance, statement)
);
create index db_statement_timings_updated on db_statement_timings (updated_at);

-- The database's size once a day (PostgreSQL keeps no history), sampled by a running
-- bot, for `luvhive db growth`. Kept 400 days.
create table db_size_history (
    day            date        primary key,
    database_bytes bigint      not null,
    sampled_at     timestamptz not null
);

-- The same day's size of each table (heap, indexes and TOAST together) and its live rows.
create table db_table_size_history (
    day         date   not null references db_size_history (day) on delete cascade,
    table_name  text   not null,
    total_bytes bigint not null,
    live_rows   bigint not null,
    primary key (day, table_name)
);

-- pg_stat_statements for `luvhive db slow`, where the server allows it: the library must
-- also be in shared_preload_libraries (the embedded server loads it). A managed server
-- may refuse CREATE EXTENSION to this role; `db slow` then says how to enable it.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_stat_statements') then
        begin
            create extension if not exists pg_stat_statements;
        exception when insufficient_privilege then
            raise notice 'pg_stat_statements not created (no privilege); luvhive db slow falls back to the bots'' timings';
        end;
    end if;
end
$$;

comment on table db_pool_state is 'Connection pool of each running bot instance (luvhive db connections)';
comment on table db_statement_timings is 'Per-statement timings of each running bot instance (luvhive db slow)';
comment on table db_size_history is 'Database size once a day (luvhive db growth)';
comment on table db_table_size_history is 'Per-table size once a day (luvhive db growth)';
