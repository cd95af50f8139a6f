package org.luvhive.core.user;

import java.util.Locale;

/** Where a user is in onboarding; stored, so a half-finished onboarding resumes after a restart. */
public enum OnboardingStep {
    CONSENT, GENDER, AGE, AGE_CONFIRM, COUNTRY, CITY, INTERESTS, DONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
