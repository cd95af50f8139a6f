package org.luvhive.cli.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** The moderation commands against a migrated database: level, rules, the test of a text. */
@ExtendWith(PostgresExtension.class)
class ModerationCommandsTest {

    @TempDir
    Path home;

    private final TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    ModerationCommandsTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void clean() {
        database.jdbi().useHandle(handle -> {
            handle.execute("delete from ops_settings");
            handle.execute("delete from moderation_rules where name like 'test.%'");
        });
        environment.putAll(database.environment());
        environment.put("USER", "oncall");
    }

    private CliRun run(String... args) {
        return CliRun.run(environment, home, args);
    }

    private JsonNode json(String... args) throws Exception {
        CliRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return mapper.readTree(run.out());
    }

    @Test
    void theLevelIsStoredWithWhoSetItAndTheTestFollowsIt() throws Exception {
        assertThat(json("moderation", "status", "--json").path("level").asText()).isEqualTo("normal");
        assertThat(json("moderation", "rules", "test", "--json", "see https://example.org").path("decision").asText())
                .isEqualTo("strike");

        CliRun set = run("moderation", "strictness", "strict");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("set to strict (was normal)").contains("within a second");
        JsonNode status = json("moderation", "status", "--json");
        assertThat(status.path("level").asText()).isEqualTo("strict");
        assertThat(status.path("set_by").asText()).isEqualTo("oncall@cli");
        assertThat(status.path("decisions").path("low").asText()).isEqualTo("block");
        assertThat(json("moderation", "rules", "test", "--json", "see https://example.org").path("decision").asText())
                .isEqualTo("block");
        assertThat(run("moderation", "status").out()).contains("Strictness:   strict (set by oncall@cli");
    }

    @Test
    void aBadLevelIsAUsageErrorAndChangesNothing() throws Exception {
        CliRun bad = run("moderation", "strictness", "paranoid", "--json");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown level 'paranoid'").contains("relaxed|normal|strict|lockdown");
        assertThat(mapper.readTree(bad.out()).path("exit_code").asInt()).isEqualTo(2);
        assertThat(json("moderation", "status", "--json").path("level").asText()).isEqualTo("normal");
    }

    @Test
    void theTestSaysWhichRulesATextTripsAndTheDecisionAtALevel() throws Exception {
        JsonNode phone = json("moderation", "rules", "test", "--level", "relaxed", "--json", "call", "+49 170 1234567");
        assertThat(phone.size()).as("exactly level, decision and rules").isEqualTo(3);
        assertThat(phone.path("level").asText()).isEqualTo("relaxed");
        assertThat(phone.path("decision").asText()).isEqualTo("block");
        assertThat(phone.path("rules")).extracting(JsonNode::asText).containsExactly("contact.phone");

        JsonNode hidden = json("moderation", "rules", "test", "--json", "t e l e g r a m");
        assertThat(hidden.path("decision").asText()).isEqualTo("block");
        assertThat(hidden.path("rules")).extracting(JsonNode::asText).containsExactly("words.contact-apps");
        assertThat(json("moderation", "rules", "test", "--json", "hello, how are you?").path("decision").asText())
                .isEqualTo("allow");

        CliRun text = run("moderation", "rules", "test", "t e l e g r a m");
        assertThat(text.out()).contains("block at normal").contains("words.contact-apps").contains("obfuscated");
    }

    @Test
    void rulesAreAddedListedTestedAndRemoved() throws Exception {
        Path more = Files.writeString(home.resolve("crypto.txt"), "# more\nfree crypto\nbitcoin doubler\n");
        CliRun added = run("moderation", "rules", "add", "test.crypto", "--kind", "words", "--severity", "high",
                "elon giveaway", "--terms-file", more.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Rule test.crypto (words, high, 3 word(s)) stored");
        JsonNode listed = json("moderation", "rules", "list", "--json");
        JsonNode crypto = null;
        for (JsonNode rule : listed) {
            crypto = rule.path("name").asText().equals("test.crypto") ? rule : crypto;
        }
        assertThat(crypto).isNotNull();
        assertThat(crypto.path("terms")).extracting(JsonNode::asText)
                .containsExactly("elon giveaway", "free crypto", "bitcoin doubler");
        assertThat(json("moderation", "rules", "test", "--level", "relaxed", "--json", "FREE CRYPTO for all")
                .path("rules")).extracting(JsonNode::asText).containsExactly("test.crypto");
        String stamp = database.jdbi().withHandle(handle -> handle.createQuery(
                "select value from ops_settings where key = 'moderation.rules'").mapTo(String.class).one());
        assertThat(stamp).as("the stamp whose notification makes running bots reload").isEqualTo("added test.crypto");

        CliRun again = run("moderation", "rules", "add", "test.crypto", "--kind", "url", "--severity", "low");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists; give --replace");
        assertThat(run("moderation", "rules", "add", "test.crypto", "--kind", "url", "--severity", "low", "--replace")
                .exitCode()).isZero();

        CliRun removed = run("moderation", "rules", "remove", "test.crypto");
        assertThat(removed.exitCode()).isZero();
        assertThat(json("moderation", "rules", "test", "--json", "see https://example.org").path("rules"))
                .extracting(JsonNode::asText).containsExactly("links.url");
        CliRun missing = run("moderation", "rules", "remove", "test.crypto");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no rule named test.crypto");
    }

    @Test
    void aMalformedRuleIsRefusedWithTheReason() {
        assertThat(run("moderation", "rules", "add", "test.words", "--kind", "words", "--severity", "low").err())
                .contains("needs at least one word or phrase");
        assertThat(run("moderation", "rules", "add", "test.url", "--kind", "url", "--severity", "low", "x").err())
                .contains("takes no words");
        assertThat(run("moderation", "rules", "add", "test.x", "--kind", "regex", "--severity", "low").err())
                .contains("unknown kind 'regex'");
        assertThat(run("moderation", "rules", "add", "Bad Name", "--kind", "url", "--severity", "low").exitCode())
                .isEqualTo(2);
        assertThat(run("moderation", "rules", "add", "test.y", "--kind", "url", "--severity", "huge").exitCode())
                .isEqualTo(2);
        int stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from moderation_rules where name like 'test.%'").mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void thePolicyIsPrintedReplacedFromAFileAndReset() throws Exception {
        JsonNode policy = json("moderation", "policy");
        assertThat(policy.path("levels").path("normal").path("low").asText()).isEqualTo("strike");
        assertThat(policy.path("levels").path("normal").path("strikes").get(1).path("minutes").asInt()).isEqualTo(10);
        assertThat(policy.path("reports").path("reporters").asInt()).isEqualTo(3);

        ((ObjectNode) policy.path("levels").path("normal")).put("low", "block")
                .put("strike_decay_minutes", 90);
        Path edited = Files.writeString(home.resolve("policy.json"), policy.toString());
        CliRun set = run("moderation", "policy", "--set", edited.toString());

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(json("moderation", "policy").path("levels").path("normal").path("strike_decay_minutes").asInt())
                .isEqualTo(90);
        assertThat(json("moderation", "rules", "test", "--json", "see https://example.org").path("decision").asText())
                .as("the stored policy is the one the test judges by").isEqualTo("block");
        assertThat(json("moderation", "status", "--json").path("strike_decay_seconds").asInt()).isEqualTo(90 * 60);

        ((ObjectNode) policy.path("levels").path("strict")).put("medium", "maybe");
        Path broken = Files.writeString(home.resolve("broken.json"), policy.toString());
        CliRun refused = run("moderation", "policy", "--set", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("levels.strict.medium must be allow, strike or block");
        Files.writeString(broken, "{\"levels\": {}}");
        assertThat(run("moderation", "policy", "--set", broken.toString()).err()).contains("levels needs 'relaxed'");

        CliRun reset = run("moderation", "policy", "--reset");
        assertThat(reset.out()).contains("reset to the defaults");
        assertThat(json("moderation", "policy").path("levels").path("normal").path("low").asText()).isEqualTo("strike");
    }
}
