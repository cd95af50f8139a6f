-- Payment fraud: what a refused pre-checkout was refused for (a stable code, for the
-- report), whose invoice it was (another account's, when an invoice is passed around),
-- and the signals the monthly review looks at: refunds, a refund after the premium was
-- used, several accounts paying invoices of one chat, a charge id seen twice.
alter table checkout_refusals add column code text;
alter table checkout_refusals add column invoice_user bigint;
create index checkout_refusals_at on checkout_refusals (at);
create index checkout_refusals_invoice_user on checkout_refusals (invoice_user, at) where invoice_user is not null;

create table payment_signals (
    id        bigserial   primary key,
    kind      text        not null check (kind in ('refund', 'refund_after_use', 'repeat_refunds', 'shared_invoice',
                                                   'charge_seen_twice')),
    user_id   bigint      not null,
    charge_id text,
    details   text        check (length(details) <= 300),
    at        timestamptz not null
);
create index payment_signals_at on payment_signals (at);
create index payment_signals_user on payment_signals (user_id, at);

comment on table payment_signals is 'Payment fraud signals for the monthly review (luvhive payments report)';
