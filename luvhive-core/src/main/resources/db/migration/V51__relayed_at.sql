-- When each copy was made, so a sender can unsend it within Telegram's 48 hours (a bot may
-- delete a message in a private chat only that long) and the mapping lives that long.
alter table relayed_messages add column relayed_at timestamptz not null default now();
alter table relayed_messages alter column relayed_at drop default;
