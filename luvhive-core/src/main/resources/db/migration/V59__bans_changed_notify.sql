-- Every bot caches ban lookups (the ban check runs on every update). A change to bans, by
-- whichever instance or the CLI, is announced on the ops-settings channel under a key of
-- its own (no ops_settings row: the listener hands subscribers an empty value), so every
-- instance drops its cached lookups within a second instead of waiting out their expiry.
create function notify_bans_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('luvhive_ops_settings', 'moderation.bans_changed');
    return null;
end
$$;

create trigger bans_changed_notify
    after insert or update or delete or truncate on bans
    for each statement execute function notify_bans_changed();
