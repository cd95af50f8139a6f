package org.luvhive.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.config.LuvhiveConfig;

/** {@code ops/prometheus/scrape.yml} scrapes where a bot with the default configuration serves /metrics. */
class ScrapeJobTest {

    @Test
    void theScrapeJobTargetsTheDefaultManagementListener() throws Exception {
        String job = Files.readString(Path.of("..", "ops", "prometheus", "scrape.yml"));
        LuvhiveConfig defaults = new ConfigLoader(Path.of("/nonexistent-home")).load(Map.of());

        Matcher target = Pattern.compile("targets: \\[\"([^\"]+)\"]").matcher(job);
        assertThat(target.find()).as("a static target").isTrue();
        assertThat(target.group(1)).isEqualTo(defaults.management().toString());
        assertThat(job).contains("metrics_path: /metrics");
    }
}
