package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Session names carry the instance and fit what PostgreSQL keeps of an application_name. */
class PoolSettingsTest {

    @Test
    void poolAndDedicatedSessionsNameTheProgramAndTheInstance() {
        PoolSettings settings = PoolSettings.of(10, "luvhive-bot", "host-a:4242");

        assertThat(settings.applicationName()).isEqualTo("luvhive-bot host-a:4242");
        assertThat(settings.dedicatedApplicationName()).isEqualTo("luvhive-bot-dedicated host-a:4242");
        assertThat(PoolSettings.of(1, "luvhive-test").dedicatedApplicationName()).isEqualTo("luvhive-test-dedicated");
    }

    @Test
    void aLongHostNameIsCutToWhatTheServerKeeps() {
        String host = "a-very-long-host-name-of-a-container-in-some-cluster.example.internal";
        PoolSettings settings = PoolSettings.of(10, "luvhive-bot", host + ":1");

        assertThat(settings.applicationName().getBytes(StandardCharsets.UTF_8)).hasSize(PoolSettings.MAX_NAME_BYTES);
        assertThat(settings.applicationName()).startsWith("luvhive-bot a-very-long-host");
        assertThat(settings.dedicatedApplicationName()).startsWith("luvhive-bot-dedicated a-very")
                .hasSize(PoolSettings.MAX_NAME_BYTES);
        assertThat(PoolSettings.fit("ééé", 5)).isEqualTo("éé");
    }
}
