package org.luvhive.core.user.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.luvhive.core.user.UserProfile;

/** Rows of {@code users}. Enum columns are stored lower-case and read back upper-case. */
@RegisterConstructorMapper(UserProfile.class)
public interface UserDao {

    String COLUMNS = """
            user_id, upper(onboarding_step) as onboarding_step, consent_at, upper(gender) as gender, age, pending_age,
            country, city, interests, pending_input, upper(filter_gender) as filter_gender, filter_age_min,
            filter_age_max, filter_same_city, premium_until, last_boost_at, created_at, upper(language) as language,
            filter_same_language
            """;

    @SqlQuery("select " + COLUMNS + " from users where user_id = :userId")
    Optional<UserProfile> find(@Bind("userId") long userId);

    @SqlQuery("select " + COLUMNS + " from users where user_id = :userId for update")
    Optional<UserProfile> findForUpdate(@Bind("userId") long userId);

    @SqlUpdate("""
            insert into users (user_id, language, created_at, updated_at) values (:userId, :language, :now, :now)
            on conflict (user_id) do nothing
            """)
    int insert(@Bind("userId") long userId, @Bind("language") String language, @Bind("now") Instant now);

    @SqlUpdate("update users set language = :language, updated_at = :now where user_id = :userId")
    int setLanguage(@Bind("userId") long userId, @Bind("language") String language, @Bind("now") Instant now);

    @SqlQuery("select language from users where user_id = :userId")
    Optional<String> language(@Bind("userId") long userId);

    @SqlUpdate("update users set onboarding_step = :step, updated_at = :now where user_id = :userId")
    int setStep(@Bind("userId") long userId, @Bind("step") String step, @Bind("now") Instant now);

    @SqlUpdate("""
            update users set consent_at = :now, updated_at = :now,
                   onboarding_step = case when onboarding_step = 'consent' then 'gender' else onboarding_step end
            where user_id = :userId
            """)
    int consent(@Bind("userId") long userId, @Bind("now") Instant now);

    /** Sets the gender only if none is set yet; returns 0 when it was already chosen. */
    @SqlUpdate("""
            update users set gender = :gender, onboarding_step = :next, updated_at = :now
            where user_id = :userId and gender is null
            """)
    int chooseGender(@Bind("userId") long userId, @Bind("gender") String gender, @Bind("next") String next,
                     @Bind("now") Instant now);

    @SqlUpdate("""
            update users set pending_age = :age, onboarding_step = 'age_confirm', updated_at = :now
            where user_id = :userId
            """)
    int setPendingAge(@Bind("userId") long userId, @Bind("age") int age, @Bind("now") Instant now);

    @SqlUpdate("""
            update users set age = pending_age, pending_age = null, onboarding_step = :next, updated_at = :now
            where user_id = :userId and pending_age is not null
            """)
    int confirmAge(@Bind("userId") long userId, @Bind("next") String next, @Bind("now") Instant now);

    @SqlUpdate("update users set country = :country, onboarding_step = :next, updated_at = :now where user_id = :userId")
    int setCountry(@Bind("userId") long userId, @Bind("country") String country, @Bind("next") String next,
                   @Bind("now") Instant now);

    @SqlUpdate("update users set city = :city, onboarding_step = :next, updated_at = :now where user_id = :userId")
    int setCity(@Bind("userId") long userId, @Bind("city") String city, @Bind("next") String next,
                @Bind("now") Instant now);

    @SqlUpdate("update users set interests = :interests, updated_at = :now where user_id = :userId")
    int setInterests(@Bind("userId") long userId, @Bind("interests") String interests, @Bind("now") Instant now);

    @SqlUpdate("update users set pending_input = :input, updated_at = :now where user_id = :userId")
    int setPendingInput(@Bind("userId") long userId, @Bind("input") String input, @Bind("now") Instant now);

    @SqlUpdate("""
            update users set filter_gender = :gender, filter_age_min = :ageMin, filter_age_max = :ageMax,
                   filter_same_city = :sameCity, updated_at = :now
            where user_id = :userId
            """)
    int setFilters(@Bind("userId") long userId, @Bind("gender") String gender, @Bind("ageMin") Integer ageMin,
                   @Bind("ageMax") Integer ageMax, @Bind("sameCity") boolean sameCity, @Bind("now") Instant now);

    @SqlUpdate("update users set filter_same_language = :same, updated_at = :now where user_id = :userId")
    int setLanguageFilter(@Bind("userId") long userId, @Bind("same") boolean same, @Bind("now") Instant now);

    @SqlUpdate("update users set premium_until = :until, updated_at = :now where user_id = :userId")
    int setPremiumUntil(@Bind("userId") long userId, @Bind("until") Instant until, @Bind("now") Instant now);

    @SqlUpdate("update users set last_boost_at = :now, updated_at = :now where user_id = :userId")
    int recordBoost(@Bind("userId") long userId, @Bind("now") Instant now);

    @SqlQuery("""
            update users set premium_expiry_noticed = premium_until
            where premium_until <= :now
              and (premium_expiry_noticed is null or premium_expiry_noticed <> premium_until)
            returning user_id
            """)
    List<Long> markPremiumExpired(@Bind("now") Instant now);

    @SqlUpdate("delete from users where user_id = :userId")
    int delete(@Bind("userId") long userId);

    @SqlQuery("select count(*) from users")
    long count();

    @SqlQuery("select count(*) from users where premium_until > :now")
    long countPremium(@Bind("now") Instant now);
}
