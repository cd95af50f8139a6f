package org.luvhive.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.user.internal.UserDao;
import org.luvhive.core.user.internal.UserRows;

/** The hot path's hand-written profile mapper reads every column as the DAO's constructor mapper does. */
@ExtendWith(PostgresExtension.class)
class UserRowsTest {

    private final TestDatabase database;

    UserRowsTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void everyColumnSetReadsAsTheDaoReadsIt() {
        database.jdbi().useHandle(handle -> handle.execute("""
                insert into users (user_id, onboarding_step, consent_at, gender, age, pending_age, country, city,
                                   interests, pending_input, filter_gender, filter_age_min, filter_age_max,
                                   filter_same_city, premium_until, last_boost_at, created_at, updated_at, language,
                                   filter_same_language)
                values (7001, 'done', '2026-03-01T10:00:00.123456Z', 'female', 27, 31, 'Germany', 'Berlin',
                        'music,travel', 'report:9', 'other', 20, 40, true, '2026-04-01T00:00:00Z',
                        '2026-03-02T08:30:00Z', '2026-02-01T09:00:00Z', '2026-03-01T10:00:00Z', 'es', true)
                """));

        Optional<UserProfile> fluent = database.jdbi().withHandle(handle -> UserRows.find(handle, 7001));
        Optional<UserProfile> dao = database.jdbi().withHandle(handle -> handle.attach(UserDao.class).find(7001));

        assertThat(fluent).isPresent().isEqualTo(dao);
        assertThat(fluent.get().language()).isEqualTo(Language.ES);
        assertThat(fluent.get().pendingAge()).isEqualTo(31);
        assertThat(fluent.get().filterSameLanguage()).isTrue();
        assertThat(fluent.get().consentAt()).hasToString("2026-03-01T10:00:00.123456Z");
    }

    @Test
    void unsetColumnsReadAsNullAndAMissingUserAsEmpty() {
        database.jdbi().useHandle(handle -> handle.execute(
                "insert into users (user_id, created_at, updated_at) values (7002, now(), now())"));

        Optional<UserProfile> fluent = database.jdbi().withHandle(handle -> UserRows.find(handle, 7002));

        assertThat(fluent).isEqualTo(database.jdbi().withHandle(handle -> handle.attach(UserDao.class).find(7002)));
        assertThat(fluent.get().age()).isNull();
        assertThat(fluent.get().gender()).isNull();
        Optional<UserProfile> missing = database.jdbi().withHandle(handle -> UserRows.find(handle, 7003));
        assertThat(missing).isEmpty();
    }
}
