package org.luvhive.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The age bands: each adult age has one interval of partners, and the rule is symmetric. */
class AgeBandsTest {

    @Test
    void theYoungestAdultsMeetUpToTwentyThreeAndTheBandsWidenWithAge() {
        assertThat(AgeBands.youngestPartner(18)).isEqualTo(18);
        assertThat(AgeBands.oldestPartner(18)).isEqualTo(23);
        assertThat(AgeBands.oldestPartner(20)).isEqualTo(23);
        assertThat(AgeBands.youngestPartner(23)).isEqualTo(18);
        assertThat(AgeBands.oldestPartner(23)).isEqualTo(27);
        assertThat(AgeBands.youngestPartner(24)).isEqualTo(21);
        assertThat(AgeBands.oldestPartner(24)).isEqualTo(32);
        assertThat(AgeBands.youngestPartner(30)).isEqualTo(24);
        assertThat(AgeBands.oldestPartner(30)).isEqualTo(39);
        assertThat(AgeBands.youngestPartner(99)).isEqualTo(50);
        assertThat(AgeBands.withinBand(19, 23)).isTrue();
        assertThat(AgeBands.withinBand(19, 24)).isFalse();
        assertThat(AgeBands.withinBand(19, 30)).isFalse();
    }

    @Test
    void everyAgeMeetsExactlyTheAgesWhoseIntervalHoldsItAndNobodyUnderEighteenHasOne() {
        int[] youngest = AgeBands.youngestByAge();
        int[] oldest = AgeBands.oldestByAge();
        assertThat(youngest).hasSize(82);
        for (int a = 18; a <= 99; a++) {
            assertThat(youngest[a - 18]).isLessThanOrEqualTo(a);
            assertThat(oldest[a - 18]).isGreaterThanOrEqualTo(a);
            for (int b = 18; b <= 99; b++) {
                boolean inInterval = b >= youngest[a - 18] && b <= oldest[a - 18];
                assertThat(inInterval).as("%d meets %d", a, b).isEqualTo(AgeBands.withinBand(a, b))
                        .isEqualTo(AgeBands.withinBand(b, a));
            }
        }
        assertThatThrownBy(() -> AgeBands.oldestPartner(17)).isInstanceOf(IllegalArgumentException.class);
        youngest[0] = 99; // a copy: the query's arrays cannot be changed from outside
        assertThat(AgeBands.youngestByAge()[0]).isEqualTo(18);
    }
}
