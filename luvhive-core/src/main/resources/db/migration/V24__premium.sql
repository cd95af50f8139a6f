-- Telegram Stars payments. The charge id is the idempotency key: a redelivered
-- successful_payment inserts nothing and grants nothing.
create table payments (
    telegram_payment_charge_id text        primary key,
    user_id                    bigint      not null,
    days                       integer     not null check (days > 0),
    amount                     integer     not null check (amount > 0),
    currency                   text        not null,
    paid_at                    timestamptz not null,
    premium_until_after        timestamptz not null,
    refunded_at                timestamptz,
    refunded_by                bigint
);
create index payments_by_user on payments (user_id, paid_at);

-- Pre-checkout queries the bot refused, for the "3 failures an hour" fraud limit.
create table checkout_refusals (
    id      bigserial   primary key,
    user_id bigint      not null,
    at      timestamptz not null,
    reason  text        not null
);
create index checkout_refusals_by_user on checkout_refusals (user_id, at);
