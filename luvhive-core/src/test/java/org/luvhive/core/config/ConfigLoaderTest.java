package org.luvhive.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigLoaderTest {

    private static final String TOKEN = "123456789:TestOnlyTokenNotRealXXXXXXXXXXXXXXw8";

    @TempDir
    Path home;

    private LuvhiveConfig load(Map<String, String> environment) {
        return new ConfigLoader(home).load(environment);
    }

    private ConfigException failure(Map<String, String> environment) {
        try {
            load(environment);
        } catch (ConfigException expected) {
            return expected;
        }
        throw new AssertionError("configuration was accepted: " + environment.keySet());
    }

    @Test
    void emptyEnvironmentGivesDocumentedDefaults() {
        LuvhiveConfig config = load(Map.of());

        assertThat(config.botToken()).isEmpty();
        assertThat(config.usesEmbeddedDatabase()).isTrue();
        assertThat(config.runMode()).isEqualTo(RunMode.POLLING);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.telegramApiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(config.adminIds()).isEmpty();
        assertThat(config.dbPoolSize()).isEqualTo(10);
        assertThat(config.home()).isEqualTo(home.resolve(".luvhive"));
        assertThat(config.embeddedDataDirectory()).isEqualTo(home.resolve(".luvhive/pgdata"));
        assertThat(config.backupDir()).isEqualTo(home.resolve(".luvhive/backups"));
        assertThat(config.logDir()).isEqualTo(home.resolve(".luvhive/logs"));
        assertThat(config.envFile()).isEmpty();
        assertThat(config.management().toString()).isEqualTo("127.0.0.1:8090");
        assertThat(config.management().isLoopback()).isTrue();
        assertThat(config.premiumPrices().starsByDays()).isEqualTo(Map.of(7, 100, 30, 250, 180, 600, 365, 1000));
        assertThat(config.cacheMaxEntries()).isEqualTo(10_000);
    }

    @Test
    void readsEveryKey() {
        Map<String, String> environment = new HashMap<>();
        environment.put("BOT_TOKEN", TOKEN);
        environment.put("DATABASE_URL", "postgresql://bot:s3cret@db.internal:6432/luvhive?sslmode=require");
        environment.put("RUN_MODE", "WEBHOOK");
        environment.put("EXTERNAL_URL", "https://bot.example.org/");
        environment.put("SECRET_TOKEN", "abc_DEF-123");
        environment.put("PORT", "8443");
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:8081");
        environment.put("ADMIN_IDS", "111, 222 333");
        environment.put("DB_POOL_SIZE", "20");
        environment.put("LUVHIVE_HOME", "/srv/luvhive");
        environment.put("LUVHIVE_BACKUP_DIR", "~/dumps");
        environment.put("LUVHIVE_LOG_DIR", "/var/log/luvhive");
        environment.put("MANAGEMENT_PORT", "9464");
        environment.put("MANAGEMENT_BIND", "10.0.0.7");

        LuvhiveConfig config = load(environment);

        assertThat(config.requireBotToken().botId()).isEqualTo(123456789L);
        assertThat(config.databaseUrl()).get().satisfies(url -> {
            assertThat(url.host()).isEqualTo("db.internal");
            assertThat(url.port()).isEqualTo(6432);
            assertThat(url.parameters()).containsEntry("sslmode", "require");
        });
        assertThat(config.runMode()).isEqualTo(RunMode.WEBHOOK);
        assertThat(config.externalUrl()).contains(URI.create("https://bot.example.org"));
        assertThat(config.secretToken().orElseThrow().reveal()).isEqualTo("abc_DEF-123");
        assertThat(config.port()).isEqualTo(8443);
        assertThat(config.telegramApiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.adminIds()).containsExactlyInAnyOrder(111L, 222L, 333L);
        assertThat(config.isAdmin(222L)).isTrue();
        assertThat(config.isAdmin(444L)).isFalse();
        assertThat(config.dbPoolSize()).isEqualTo(20);
        assertThat(config.home()).isEqualTo(Path.of("/srv/luvhive"));
        assertThat(config.embeddedDataDirectory()).isEqualTo(Path.of("/srv/luvhive/pgdata"));
        assertThat(config.backupDir()).isEqualTo(home.resolve("dumps"));
        assertThat(config.logDir()).isEqualTo(Path.of("/var/log/luvhive"));
        assertThat(config.management().toString()).isEqualTo("10.0.0.7:9464");
        assertThat(config.management().isLoopback()).isFalse();
    }

    @Test
    void managementBindTakesIpLiteralsOnly() {
        assertThat(load(Map.of("MANAGEMENT_BIND", "::1")).management().toString()).isEqualTo("[0:0:0:0:0:0:0:1]:8090");
        assertThat(load(Map.of("MANAGEMENT_BIND", "localhost")).management().toString()).isEqualTo("127.0.0.1:8090");
        assertThat(load(Map.of("MANAGEMENT_BIND", "0.0.0.0")).management().isLoopback()).isFalse();

        assertThat(failure(Map.of("MANAGEMENT_BIND", "metrics.internal")).problems()).containsExactly(
                "MANAGEMENT_BIND: must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not 'metrics.internal'");
        assertThat(failure(Map.of("MANAGEMENT_BIND", "300.1.1.1")).problems()).singleElement().asString()
                .startsWith("MANAGEMENT_BIND: must be an IP address");
        assertThat(failure(Map.of("MANAGEMENT_BIND", "fe80::zz")).problems()).singleElement().asString()
                .startsWith("MANAGEMENT_BIND: must be an IP address");
    }

    @Test
    void managementPortMustDifferFromThePublicOne() {
        assertThat(failure(Map.of("PORT", "9000", "MANAGEMENT_PORT", "9000")).problems()).containsExactly(
                "MANAGEMENT_PORT: must differ from PORT (9000): health, readiness and metrics never share the "
                        + "webhook's public port");
        assertThat(failure(Map.of("MANAGEMENT_PORT", "8080")).problems()).singleElement().asString()
                .startsWith("MANAGEMENT_PORT: must differ from PORT (8080)");
        assertThat(load(Map.of("PORT", "0", "MANAGEMENT_PORT", "0")).management().port()).as("both picked free").isZero();
        assertThat(failure(Map.of("MANAGEMENT_PORT", "-1")).problems())
                .containsExactly("MANAGEMENT_PORT: must be between 0 and 65535, not -1");
    }

    @Test
    void blankValuesCountAsUnset() {
        LuvhiveConfig config = load(Map.of("BOT_TOKEN", "  ", "PORT", ""));

        assertThat(config.botToken()).isEmpty();
        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void envFileIsReadAndTheEnvironmentWins() throws IOException {
        Path envFile = home.resolve(".luvhive/luvhive.env");
        Files.createDirectories(envFile.getParent());
        Files.writeString(envFile, """
                # production settings
                export BOT_TOKEN="%s"
                PORT=9000
                ADMIN_IDS='42'
                """.formatted(TOKEN));

        LuvhiveConfig config = load(Map.of("PORT", "9100"));

        assertThat(config.envFile()).contains(envFile);
        assertThat(config.botToken()).isPresent();
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.adminIds()).containsExactly(42L);
    }

    @Test
    void anEnvFileOtherUsersCanReadDrawsOneWarningLine() throws IOException {
        Path envFile = home.resolve(".luvhive/luvhive.env");
        Files.createDirectories(envFile.getParent());
        Files.writeString(envFile, "BOT_TOKEN=" + TOKEN + "\n");
        Logger logger = (Logger) LoggerFactory.getLogger(ConfigLoader.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-r--r--"));
            load(Map.of());
            Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-rw----"));
            load(Map.of());
            Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-------"));
            load(Map.of());
        } finally {
            logger.detachAppender(warnings);
        }

        assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "The env file " + envFile + " can be read or changed by other users (mode 0644) and it holds the bot "
                        + "token: chmod 600 " + envFile,
                "The env file " + envFile + " can be read or changed by other users (mode 0660) and it holds the bot "
                        + "token: chmod 600 " + envFile);
        assertThat(warnings.list).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1))
                    .doesNotContain("\n");
        });
    }

    @Test
    void premiumPricesAndCacheSizeComeFromTheEnvFileTooAndTheEnvironmentWins() throws IOException {
        Path envFile = home.resolve(".luvhive/luvhive.env");
        Files.createDirectories(envFile.getParent());
        Files.writeString(envFile, "PREMIUM_PRICES=7:90,30:200\nCACHE_MAX_ENTRIES=500\n");

        assertThat(load(Map.of()).premiumPrices().starsByDays()).isEqualTo(Map.of(7, 90, 30, 200));
        assertThat(load(Map.of()).cacheMaxEntries()).isEqualTo(500);
        assertThat(load(Map.of("PREMIUM_PRICES", " 1:5 ")).premiumPrices().starsByDays()).isEqualTo(Map.of(1, 5));
    }

    @Test
    void badPremiumPricesAndCacheSizeAreReportedWithTheOtherKeysWithoutTheirValues() {
        ConfigException failure = failure(Map.of("PORT", "70000", "PREMIUM_PRICES", "7:100,7:90210",
                "CACHE_MAX_ENTRIES", "31337000"));

        assertThat(failure.problems()).hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("PORT: "))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("PREMIUM_PRICES: names one number of days twice").doesNotContain("90210"))
                .anySatisfy(problem -> assertThat(problem)
                        .isEqualTo("CACHE_MAX_ENTRIES: must be a whole number from 1 to 10000000"));
        assertThat(failure(Map.of("PREMIUM_PRICES", "7:100,seven:8675309")).problems()).singleElement().asString()
                .startsWith("PREMIUM_PRICES: must be a list of days:stars pairs").doesNotContain("8675309");
        assertThat(failure(Map.of("PREMIUM_PRICES", "7:0")).problems()).singleElement().asString()
                .startsWith("PREMIUM_PRICES: needs positive days and stars");
        assertThat(failure(Map.of("CACHE_MAX_ENTRIES", "lots")).problems())
                .containsExactly("CACHE_MAX_ENTRIES: must be a whole number from 1 to 10000000");
    }

    @Test
    void theSendersCallsInFlightAreEightUnlessSetWithinOneToSixtyFour() {
        assertThat(load(Map.of()).sendConcurrency()).isEqualTo(8);
        assertThat(load(Map.of("SEND_CONCURRENCY", "32")).sendConcurrency()).isEqualTo(32);
        assertThat(failure(Map.of("SEND_CONCURRENCY", "0")).problems())
                .containsExactly("SEND_CONCURRENCY: must be between 1 and 64, not 0");
        assertThat(failure(Map.of("SEND_CONCURRENCY", "65")).problems())
                .containsExactly("SEND_CONCURRENCY: must be between 1 and 64, not 65");
        assertThat(failure(Map.of("SEND_CONCURRENCY", "many")).problems())
                .containsExactly("SEND_CONCURRENCY: must be a whole number, not 'many'");
    }

    @Test
    void twoThreadsHandleUpdatesUnlessSetWithinOneToSixteen() {
        assertThat(load(Map.of()).handlerThreads()).isEqualTo(2);
        assertThat(load(Map.of("HANDLER_THREADS", "4")).handlerThreads()).isEqualTo(4);
        assertThat(failure(Map.of("HANDLER_THREADS", "0")).problems())
                .containsExactly("HANDLER_THREADS: must be between 1 and 16, not 0");
        assertThat(failure(Map.of("HANDLER_THREADS", "17")).problems())
                .containsExactly("HANDLER_THREADS: must be between 1 and 16, not 17");
        assertThat(failure(Map.of("HANDLER_THREADS", "few")).problems())
                .containsExactly("HANDLER_THREADS: must be a whole number, not 'few'");
    }

    @Test
    void searchingIsConfiguredInSecondsAndStarsAndCheckedWithTheOtherKeys() {
        assertThat(load(Map.of()).search()).isEqualTo(SearchConfig.defaults());
        SearchConfig search = load(Map.of("SEARCH_WIDEN_AFTER", "45", "SEARCH_PROMISE", "300", "BOOST_PRICE", "40"))
                .search();
        assertThat(search.widenAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(search.promise()).isEqualTo(Duration.ofMinutes(5));
        assertThat(search.boostStars()).isEqualTo(40);
        assertThat(failure(Map.of("SEARCH_WIDEN_AFTER", "10", "BOOST_PRICE", "free", "PORT", "70000")).problems())
                .contains("SEARCH_WIDEN_AFTER: must be a whole number of seconds from 30 to 3600",
                        "BOOST_PRICE: must be a whole number of Stars from 1 to 10000").hasSize(3);
        assertThat(failure(Map.of("SEARCH_WIDEN_AFTER", "600", "SEARCH_PROMISE", "600")).problems()).singleElement()
                .asString().startsWith("SEARCH_PROMISE: must be longer than SEARCH_WIDEN_AFTER (600 s)");
    }

    @Test
    void explicitEnvFileMustExist() {
        ConfigException failure = failure(Map.of("LUVHIVE_ENV_FILE", home.resolve("missing.env").toString()));

        assertThat(failure.problems()).singleElement().asString()
                .startsWith("LUVHIVE_ENV_FILE: names ").contains("does not exist");
    }

    @Test
    void malformedEnvFileLineNamesTheLineNotItsContent() throws IOException {
        Path envFile = home.resolve("bad.env");
        Files.writeString(envFile, "PORT=1\nthis-is-a-secret-without-equals\n");

        ConfigException failure = failure(Map.of("LUVHIVE_ENV_FILE", envFile.toString()));

        assertThat(failure.problems()).singleElement().asString().contains("line 2").doesNotContain("secret");
    }

    @Test
    void everyBadKeyIsReportedAtOnceNamingKeyAndProblem() {
        Map<String, String> environment = new HashMap<>();
        environment.put("BOT_TOKEN", "not-a-token-but-a-secret-value");
        environment.put("DATABASE_URL", "mysql://root:hunter2@localhost/luvhive");
        environment.put("RUN_MODE", "push");
        environment.put("PORT", "eighty");
        environment.put("TELEGRAM_API_URL", "ftp://example.org");
        environment.put("ADMIN_IDS", "12,abc");
        environment.put("DB_POOL_SIZE", "0");
        environment.put("SECRET_TOKEN", "has spaces!");

        ConfigException failure = failure(environment);

        assertThat(failure.problems()).hasSize(8);
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("BOT_TOKEN: is not a bot token"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("DATABASE_URL: must start with"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("RUN_MODE: must be 'polling' or 'webhook'"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("PORT: must be a whole number"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("TELEGRAM_API_URL: must be an http"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("ADMIN_IDS: must be Telegram user ids"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("DB_POOL_SIZE: must be between 1 and"));
        assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem).startsWith("SECRET_TOKEN: must be 1-256 characters"));
        assertThat(failure.getMessage())
                .doesNotContain("not-a-token-but-a-secret-value")
                .doesNotContain("hunter2")
                .doesNotContain("has spaces!");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThat(failure(Map.of("PORT", "70000")).problems())
                .containsExactly("PORT: must be between 0 and 65535, not 70000");
    }

    @Test
    void secretTokenLongerThan256IsRefused() {
        assertThat(failure(Map.of("SECRET_TOKEN", "a".repeat(257))).problems())
                .singleElement().asString().startsWith("SECRET_TOKEN: must be 1-256 characters");
        assertThat(load(Map.of("SECRET_TOKEN", "a".repeat(256))).secretToken()).isPresent();
    }

    @Test
    void webhookModeNeedsExternalUrlAndSecret() {
        ConfigException failure = failure(Map.of("RUN_MODE", "webhook"));

        assertThat(failure.problems()).hasSize(2);
        assertThat(failure.problems().get(0)).startsWith("EXTERNAL_URL: is required when RUN_MODE=webhook");
        assertThat(failure.problems().get(1)).startsWith("SECRET_TOKEN: is required when RUN_MODE=webhook");
    }

    @Test
    void webhookModeWithBadExternalUrlReportsItOnce() {
        ConfigException failure = failure(Map.of("RUN_MODE", "webhook", "EXTERNAL_URL", "not a url", "SECRET_TOKEN", "s"));

        assertThat(failure.problems()).containsExactly("EXTERNAL_URL: is not a URL");
    }

    @Test
    void apiUrlWithPathIsRefusedBecauseTheClientCannotUseIt() {
        assertThat(failure(Map.of("TELEGRAM_API_URL", "https://example.org/telegram")).problems())
                .singleElement().asString().startsWith("TELEGRAM_API_URL: must have no path");
    }

    @Test
    void aDirectUrlGoesWithAPooledOneAndKeepsItsPasswordOutOfPrint() {
        LuvhiveConfig config = load(Map.of("DATABASE_URL", "postgresql://bot:pooled-pass@pgbouncer:6432/luvhive",
                "DATABASE_DIRECT_URL", "postgresql://bot:direct-pass@db:5432/luvhive"));

        assertThat(config.databaseDirectUrl().orElseThrow().port()).isEqualTo(5432);
        assertThat(config.toString()).contains("DATABASE_DIRECT_URL=postgresql://bot:***@db:5432/luvhive")
                .doesNotContain("direct-pass");
        assertThat(failure(Map.of("DATABASE_DIRECT_URL", "postgresql://bot@db:5432/luvhive")).problems())
                .singleElement().asString().startsWith("DATABASE_DIRECT_URL: is set but DATABASE_URL is not");
        assertThat(failure(Map.of("DATABASE_URL", "postgresql://bot@pgbouncer:6432/luvhive",
                "DATABASE_DIRECT_URL", "mysql://db/luvhive")).problems())
                .singleElement().asString().startsWith("DATABASE_DIRECT_URL: must start with");
    }

    @Test
    void theEmbeddedDatabaseIsLuvhiveUnlessNamedAndOnlyWithoutADatabaseUrl() {
        assertThat(load(Map.of()).embeddedDatabase()).isEqualTo("luvhive");
        assertThat(load(Map.of("EMBEDDED_DATABASE", "luvhive_recovery")).embeddedDatabase()).isEqualTo("luvhive_recovery");
        assertThat(failure(Map.of("EMBEDDED_DATABASE", "x; drop database luvhive")).problems())
                .singleElement().asString().startsWith("EMBEDDED_DATABASE: must be a database name");
        assertThat(failure(Map.of("DATABASE_URL", "postgresql://bot@db:5432/luvhive",
                "EMBEDDED_DATABASE", "luvhive_recovery")).problems())
                .singleElement().asString().startsWith("EMBEDDED_DATABASE: is set but so is DATABASE_URL");
    }

    @Test
    void missingTokenIsReportedWhenRequired() {
        LuvhiveConfig config = load(Map.of());

        assertThatThrownBy(config::requireBotToken)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BOT_TOKEN: is not set");
    }

    @Test
    void toStringMasksEverySecret() {
        LuvhiveConfig config = load(Map.of(
                "BOT_TOKEN", TOKEN,
                "DATABASE_URL", "postgresql://bot:s3cret-pass@db:5432/luvhive",
                "RUN_MODE", "webhook",
                "EXTERNAL_URL", "https://bot.example.org",
                "SECRET_TOKEN", "webhook-secret-value"));

        String printed = config.toString();

        assertThat(printed)
                .contains("BOT_TOKEN=123456789:Te…w8")
                .contains("DATABASE_URL=postgresql://bot:***@db:5432/luvhive")
                .contains("SECRET_TOKEN=***")
                .doesNotContain("TestOnlyTokenNotRealXXXXXXXXXXXXXXw8")
                .doesNotContain("s3cret-pass")
                .doesNotContain("webhook-secret-value");
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        LuvhiveConfig config = load(Map.of("PATH", "/usr/bin", "HOME", "/root", "PORT", "81"));

        assertThat(config.port()).isEqualTo(81);
    }
}
