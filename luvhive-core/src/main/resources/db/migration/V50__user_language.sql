-- The language the bot speaks to each user: their Telegram app's when they registered,
-- then whatever they choose with /language.
alter table users add column language text not null default 'en' check (language in ('en', 'ru', 'es'));
