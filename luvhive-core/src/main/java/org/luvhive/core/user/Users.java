package org.luvhive.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.LanguageLookup;
import org.luvhive.core.user.internal.MinorDeclarationDao;
import org.luvhive.core.user.internal.UserDao;
import org.luvhive.core.user.internal.UserRows;
import org.luvhive.core.user.internal.UserSettingsDao;

/**
 * The user feature's service for the other features: profiles, the language each user
 * is spoken to in, the one pending-input slot (a profile edit or report details the bot
 * waits for), search filters and premium expiry as stored with the profile, counts, and
 * forgetting a user. The {@code users} table is this feature's; nobody else writes it.
 * Every method works in the caller's transaction. Stateless; thread-safe.
 */
public final class Users implements LanguageLookup {

    /**
     * The columns {@link #profileMapper()} reads, for another feature's query that reads a
     * profile with rows of its own in one statement: select them from {@code users} in a
     * subquery, so no name is ambiguous.
     */
    public static final String PROFILE_COLUMNS = UserDao.COLUMNS;

    /** Maps a row holding {@link #PROFILE_COLUMNS}. */
    public static RowMapper<UserProfile> profileMapper() {
        return UserRows.PROFILE;
    }

    public Optional<UserProfile> find(Handle handle, long userId) {
        return UserRows.find(handle, userId);
    }

    /** The profile, its row locked for the rest of the transaction. */
    public Optional<UserProfile> findForUpdate(Handle handle, long userId) {
        return handle.attach(UserDao.class).findForUpdate(userId);
    }

    /** Registers the user if they are new (nothing answered yet, consent first), speaking {@code language}. */
    public void register(Handle handle, long userId, Language language, Instant now) {
        handle.attach(UserDao.class).insert(userId, language.code(), now);
    }

    /** The language the user is spoken to in; {@link Language#DEFAULT} for someone not registered. */
    public Language language(Handle handle, long userId) {
        return stored(handle, userId).orElse(Language.DEFAULT);
    }

    @Override
    public Optional<Language> stored(Handle handle, long userId) {
        return handle.attach(UserDao.class).language(userId).flatMap(Language::ofCode);
    }

    /** Speaks {@code language} to the user from now on ({@code /language}). */
    public void setLanguage(Handle handle, long userId, Language language, Instant now) {
        handle.attach(UserDao.class).setLanguage(userId, language.code(), now);
    }

    /** What the user's next plain text answers ({@code null}: nothing, it is relayed or a command). */
    public void setPendingInput(Handle handle, long userId, String input, Instant now) {
        handle.attach(UserDao.class).setPendingInput(userId, input, now);
    }

    /** Whom the user wants to meet; nulls (and {@code sameCity} false) mean anyone. */
    public void setFilters(Handle handle, long userId, Gender gender, Integer ageMin, Integer ageMax, boolean sameCity,
                           Instant now) {
        handle.attach(UserDao.class).setFilters(userId, gender == null ? null : gender.code(), ageMin, ageMax, sameCity,
                now);
    }

    /** Whether the user (premium) meets only people the bot speaks to in their language. */
    public void setLanguageFilter(Handle handle, long userId, boolean sameLanguage, Instant now) {
        handle.attach(UserDao.class).setLanguageFilter(userId, sameLanguage, now);
    }

    public void setPremiumUntil(Handle handle, long userId, Instant until, Instant now) {
        handle.attach(UserDao.class).setPremiumUntil(userId, until, now);
    }

    public void recordBoost(Handle handle, long userId, Instant now) {
        handle.attach(UserDao.class).recordBoost(userId, now);
    }

    /** Users whose premium ran out and who were not told yet about this expiry; marks them told. */
    public List<Long> markPremiumExpired(Handle handle, Instant now) {
        return handle.attach(UserDao.class).markPremiumExpired(now);
    }

    public long count(Handle handle) {
        return handle.attach(UserDao.class).count();
    }

    public long countPremium(Handle handle, Instant now) {
        return handle.attach(UserDao.class).countPremium(now);
    }

    /** Whether photos, videos and GIFs from partners reach the user blurred (a spoiler); true unless they turned it off. */
    public boolean wantsSpoilers(Handle handle, long userId) {
        return handle.attach(UserSettingsDao.class).mediaSpoilers(userId).orElse(true);
    }

    public void setSpoilers(Handle handle, long userId, boolean on, Instant now) {
        handle.attach(UserSettingsDao.class).setMediaSpoilers(userId, on, now);
    }

    /** Whether the user accepts partners outside their age band (matters only when the partner does too). */
    public boolean acceptsWideAgeRange(Handle handle, long userId) {
        return handle.attach(UserSettingsDao.class).wideAgeRange(userId).orElse(false);
    }

    public void setWideAgeRange(Handle handle, long userId, boolean on, Instant now) {
        handle.attach(UserSettingsDao.class).setWideAgeRange(userId, on, now);
    }

    /**
     * Whether the user ever typed an age under 18: they are never matched (a later adult age
     * does not change it, nor does {@code /delete_me} and signing up again).
     */
    public boolean declaredMinor(Handle handle, long userId) {
        return handle.attach(MinorDeclarationDao.class).declared(userId);
    }

    /**
     * Deletes the user's profile (for {@code /delete_me} and a declined consent); a declaration
     * of being under 18 is kept, as /privacy says.
     */
    public void forget(Handle handle, long userId) {
        handle.attach(UserDao.class).delete(userId);
    }
}
