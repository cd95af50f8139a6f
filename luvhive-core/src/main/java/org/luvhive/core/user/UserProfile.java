package org.luvhive.core.user;

import java.time.Instant;
import java.util.Set;

/**
 * One row of {@code users}. Nullable components are unanswered profile fields or unset
 * filters. Immutable.
 */
public record UserProfile(long userId, OnboardingStep onboardingStep, Instant consentAt, Gender gender, Integer age,
                          Integer pendingAge, String country, String city, String interests, String pendingInput,
                          Gender filterGender, Integer filterAgeMin, Integer filterAgeMax, boolean filterSameCity,
                          Instant premiumUntil, Instant lastBoostAt, Instant createdAt) {

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
        return filterGender != null || filterAgeMin != null || filterAgeMax != null || filterSameCity;
    }
}
