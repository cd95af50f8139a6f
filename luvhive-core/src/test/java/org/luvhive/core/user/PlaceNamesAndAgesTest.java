package org.luvhive.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.luvhive.core.user.internal.Ages;
import org.luvhive.core.user.internal.PlaceNames;

class PlaceNamesAndAgesTest {

    @Test
    void placeNamesAreNormalised() {
        assertThat(PlaceNames.normalise("  new   york ")).hasValue("New York");
        assertThat(PlaceNames.normalise("SAN FRANCISCO")).hasValue("San Francisco");
        assertThat(PlaceNames.normalise("baden-baden")).hasValue("Baden-Baden");
        assertThat(PlaceNames.normalise("münchen")).hasValue("München");
        assertThat(PlaceNames.normalise("x")).isEmpty();
        assertThat(PlaceNames.normalise("http://spam.example")).isEmpty();
        assertThat(PlaceNames.normalise("12345")).isEmpty();
    }

    @Test
    void agesAre18To99() {
        assertThat(Ages.parse(" 18 ")).isEqualTo(18);
        assertThat(Ages.parse("99")).isEqualTo(99);
        assertThat(Ages.parse("17")).isNegative();
        assertThat(Ages.parse("150")).isNegative();
        assertThat(Ages.parse("abc")).isNegative();
        assertThat(Ages.problem("12")).isEqualTo("age.minor");
        assertThat(Ages.problem("150")).isEqualTo("age.out_of_range");
        assertThat(Ages.problem("abc")).isEqualTo("age.not_a_number");
    }
}
