package org.luvhive.core.user;

import java.time.Instant;
import java.util.Set;
import org.luvhive.core.i18n.Language;

/**
 * One row of {@code users}. Nullable components are unanswered profile fields or unset
 * filters; {@code language} is the one the bot speaks to them in, and
 * {@code filterSameLanguage} (premium) requires a partner it speaks to in the same one.
 * Immutable.
 */
public record UserProfile(long userId, OnboardingStep onboardingStep, Instant consentAt, Gender gender, Integer age,
                          Integer pendingAge, String country, String city, String interests, String pendingInput,
                          Gender filterGender, Integer filterAgeMin, Integer filterAgeMax, boolean filterSameCity,
                          Instant premiumUntil, Instant lastBoostAt, Instant createdAt, Language language,
                          boolean filterSameLanguage) {

    /** The youngest age a profile holds: nobody younger is accepted, or ever matched. */
    public static final int MINIMUM_AGE = 18;
    /** The oldest age a profile holds. */
    public static final int MAXIMUM_AGE = 99;

    public boolean onboarded() {
        return onboardingStep == OnboardingStep.DONE;
    }

    public boolean isPremium(Instant now) {
        return premiumUntil != null && premiumUntil.isAfter(now);
    }

    public Set<Interest> interestSet() {
        return Interest.parse(interests);
    }

    public boolean hasFilters() {
        return filterGender != null || filterAgeMin != null || filterAgeMax != null || filterSameCity
                || filterSameLanguage;
    }
}
