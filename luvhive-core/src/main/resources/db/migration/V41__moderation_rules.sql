-- What the content filter looks for, checked on every relayed message and caption.
-- Detector kinds find their pattern in code; `words` rules carry their own words and
-- phrases; `duplicate` and `churn` judge behaviour. Each strictness level maps a
-- severity to allow, strike or block (README, "Moderation"). Changed with
-- `luvhive moderation rules add|remove`, which also touches the ops setting
-- `moderation.rules` so every running bot reloads within a second.
create table moderation_rules (
    name       text        primary key check (name ~ '^[a-z][a-z0-9_.-]{0,59}$'),
    kind       text        not null check (kind in ('invite_link', 'url', 'domain', 'username', 'phone', 'email',
                                                    'words', 'duplicate', 'churn')),
    severity   text        not null check (severity in ('low', 'medium', 'high')),
    terms      text[]      not null default '{}' check (cardinality(terms) <= 1000),
    updated_at timestamptz not null,
    updated_by text        not null check (length(updated_by) between 1 and 200),
    check ((kind = 'words') = (cardinality(terms) > 0))
);

comment on table moderation_rules is 'Content filter rules: kind, severity and, for words rules, the words and phrases';

insert into moderation_rules (name, kind, severity, terms, updated_at, updated_by) values
    ('links.invite', 'invite_link', 'high', '{}', now(), 'migration'),
    ('links.url', 'url', 'low', '{}', now(), 'migration'),
    ('links.domain', 'domain', 'low', '{}', now(), 'migration'),
    ('contact.username', 'username', 'medium', '{}', now(), 'migration'),
    ('contact.phone', 'phone', 'high', '{}', now(), 'migration'),
    ('contact.email', 'email', 'high', '{}', now(), 'migration'),
    ('words.contact-apps', 'words', 'low', array[
        'whatsapp', 'telegram', 'snapchat', 'instagram', 'insta', 'kik', 'wechat', 'viber', 'skype', 'discord',
        'wickr', 'threema', 'add me on snap', 'my snap is', 'snap me'], now(), 'migration'),
    ('words.adult', 'words', 'medium', array[
        'onlyfans', 'fansly', 'sell nudes', 'selling nudes', 'send nudes', 'trade nudes', 'nudes for sale',
        'buy my nudes', 'sell pics', 'cam show', 'premium snap', 'sugar daddy', 'sugar baby', 'escort service',
        'paid content'], now(), 'migration'),
    ('words.scam', 'words', 'medium', array[
        'cashapp', 'cash app', 'venmo', 'paypal me', 'gift card code', 'send me a gift card', 'western union',
        'moneygram', 'send me money', 'investment opportunity', 'double your money', 'crypto signals',
        'forex signals', 'crypto investment', 'usdt wallet', 'btc wallet'], now(), 'migration'),
    ('words.threats', 'words', 'high', array[
        'kill yourself', 'kys', 'go die', 'hang yourself', 'i will kill you', 'i will find you',
        'i know where you live'], now(), 'migration'),
    ('behaviour.duplicate', 'duplicate', 'medium', '{}', now(), 'migration'),
    ('behaviour.churn', 'churn', 'low', '{}', now(), 'migration');
