-- Runtime settings shared by the running bots and the CLI (run mode, limits profile,
-- moderation strictness, ...). Written by `luvhive` commands, read by every bot
-- instance; later migrations add the LISTEN/NOTIFY trigger that pushes changes.
-- Never holds secrets: the bot token lives only in the environment or env file.
create table ops_settings (
    key         text        primary key check (key ~ '^[a-z][a-z0-9_.-]{0,99}$'),
    value       text        not null,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null check (length(updated_by) between 1 and 200)
);

comment on table ops_settings is 'Runtime settings shared by bot instances and the luvhive CLI';
