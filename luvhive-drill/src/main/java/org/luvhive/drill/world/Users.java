package org.luvhive.drill.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.SimulatedUser;

/** Simulated users who finished onboarding earlier, meeting in pairs through the real bot. Stateless. */
public final class Users {

    private static final String PARTNER_FOUND = "Partner found";

    private Users() {
    }

    /** {@code pairs} pairs, named {@code first0}, {@code second1}, ..., met with /find: each pair is [user, partner]. */
    static List<SimulatedUser[]> pairs(World world, String first, String second, int pairs) {
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < 2 * pairs; index++) {
            users.add(index % 2 == 0 ? returning(world, first + index, "female")
                    : returning(world, second + index, "male"));
        }
        return meet(world, users);
    }

    /**
     * A user who onboarded on an earlier day: the profile as onboarding leaves it. Walking
     * each through the prompts would cost seconds per user (one message a second per chat).
     */
    static SimulatedUser returning(World world, String name, String gender) {
        return returning(world, name, gender, Duration.ZERO);
    }

    /** As {@link #returning(World, String, String)}, for an account created {@code age} ago. */
    static SimulatedUser returning(World world, String name, String gender, Duration age) {
        return returning(world.telegram(), world.jdbi(), name, gender, age);
    }

    /** A user of {@code telegram} with the profile onboarding leaves, written to the bots' database. */
    public static SimulatedUser returning(EmulatedBot telegram, Jdbi jdbi, String name, String gender, Duration age) {
        SimulatedUser user = telegram.newUser(name);
        Instant now = Clock.systemUTC().instant();
        Instant created = now.minus(age);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, interests,
                                           created_at, updated_at)
                        values (:id, 'done', :created, :gender, 30, 'Germany', 'Berlin', 'music', :created, :now)
                        """)
                .bind("id", user.id()).bind("now", now).bind("created", created).bind("gender", gender).execute());
        return user;
    }

    /**
     * Everyone searches at once, as at a busy hour; the bot pairs them as it likes, and the
     * pairs are read back from its chats.
     */
    static List<SimulatedUser[]> meet(World world, List<SimulatedUser> users) {
        users.forEach(user -> user.sendCommand("find"));
        users.forEach(user -> user.awaitMessageContaining(PARTNER_FOUND, World.WAIT));
        Map<Long, Long> partners = new HashMap<>();
        world.jdbi().withHandle(handle -> handle.createQuery("select user_id, partner_id from chat_members where active")
                        .map((rows, context) -> new long[] {rows.getLong("user_id"), rows.getLong("partner_id")}).list())
                .forEach(pair -> partners.put(pair[0], pair[1]));
        Map<Long, SimulatedUser> byId = new HashMap<>();
        users.forEach(user -> byId.put(user.id(), user));
        List<SimulatedUser[]> pairs = new ArrayList<>();
        for (SimulatedUser user : users) {
            Long partner = partners.get(user.id());
            if (partner == null || !byId.containsKey(partner)) {
                throw new IllegalStateException(user.firstName() + " found no partner among the drill's users");
            }
            if (user.id() < partner) {
                pairs.add(new SimulatedUser[] {user, byId.get(partner)});
            }
        }
        return pairs;
    }
}
