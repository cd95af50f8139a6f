-- Whoever said they were under 18 stays out of matching after /delete_me too (issue #16).
-- The declaration lived on the users row, which /delete_me erases: deleting and signing up
-- again with an adult age washed it out. It moves to a table of its own, kept after
-- /delete_me like bans (see /privacy), keyed by the Telegram user id; the first time counts.
create table minor_declarations (
    user_id     bigint      primary key,
    declared_at timestamptz not null
);

insert into minor_declarations (user_id, declared_at)
    select user_id, minor_declared_at from users where minor_declared_at is not null;

alter table users drop column minor_declared_at;
