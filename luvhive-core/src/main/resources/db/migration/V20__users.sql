-- People who talk to the bot: consent, profile, onboarding progress, search filters and
-- premium expiry. One row per Telegram user; /delete_me removes it.
create table users (
    user_id                bigint      primary key,
    onboarding_step        text        not null default 'consent'
                           check (onboarding_step in ('consent', 'gender', 'age', 'age_confirm', 'country',
                                                      'city', 'interests', 'done')),
    consent_at             timestamptz,
    gender                 text        check (gender in ('male', 'female', 'other')),
    age                    smallint    check (age between 18 and 99),
    -- an age typed but not yet confirmed with the 18+ button
    pending_age            smallint    check (pending_age between 18 and 99),
    country                text        check (length(country) between 1 and 64),
    city                   text        check (length(city) between 1 and 64),
    -- comma-separated interest codes (a short, fixed vocabulary)
    interests              text        not null default '',
    -- what the next plain text from this user answers, outside onboarding (profile edit, report details)
    pending_input          text        check (length(pending_input) <= 100),
    filter_gender          text        check (filter_gender in ('male', 'female', 'other')),
    filter_age_min         smallint    check (filter_age_min between 18 and 99),
    filter_age_max         smallint    check (filter_age_max between 18 and 99),
    filter_same_city       boolean     not null default false,
    premium_until          timestamptz,
    -- the premium_until value the user was last told had expired (told once per expiry)
    premium_expiry_noticed timestamptz,
    last_boost_at          timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    check (filter_age_min is null or filter_age_max is null or filter_age_min <= filter_age_max)
);
create index users_premium_until on users (premium_until) where premium_until is not null;

comment on table users is 'LuvHive users: consent, profile, onboarding step, filters, premium expiry';

-- Gender is chosen once: the database refuses to change it, whatever the code does.
create function users_gender_is_permanent() returns trigger language plpgsql as $$
begin
    if old.gender is not null and new.gender is distinct from old.gender then
        raise exception 'gender of user % is permanent', old.user_id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger users_gender_permanent
    before update of gender on users
    for each row execute function users_gender_is_permanent();
