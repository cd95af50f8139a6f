-- A successful_payment whose amount or currency does not match the catalogue entry its
-- payload names (forged, or a payload that is not ours) grants nothing; it is still
-- recorded, with days 0 and what did not match, so an admin sees it and can refund the
-- Stars.
alter table payments drop constraint payments_days_check;
alter table payments add constraint payments_days_check check (days >= 0);
alter table payments add column mismatch text check (length(mismatch) <= 300);
alter table payments add constraint payments_mismatch_grants_nothing check (mismatch is null or days = 0);

comment on column payments.mismatch is 'Why this payment granted nothing (amount, currency or payload not matching the catalogue); null for a payment that granted premium';
