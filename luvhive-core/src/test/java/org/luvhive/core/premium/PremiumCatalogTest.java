package org.luvhive.core.premium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.luvhive.core.config.ConfigException;

class PremiumCatalogTest {

    @Test
    void defaultsAreTheOldBotsPacks() {
        assertThat(PremiumCatalog.defaults().packs()).containsExactly(new PremiumPack(7, 100), new PremiumPack(30, 250),
                new PremiumPack(180, 600), new PremiumPack(365, 1000));
    }

    @Test
    void badConfigurationNamesTheKey() {
        assertThat(PremiumCatalog.parse(" 30:199 , 7:99").packs()).containsExactly(new PremiumPack(7, 99),
                new PremiumPack(30, 199));
        assertThatThrownBy(() -> PremiumCatalog.parse("7:100,7:200")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PREMIUM_PRICES");
        assertThatThrownBy(() -> PremiumCatalog.parse("seven")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> PremiumCatalog.parse("7:0")).isInstanceOf(ConfigException.class);
    }

    @Test
    void invoicePayloadsRoundTrip() {
        assertThat(InvoicePayload.parse(new PremiumPack(30, 250).payload(42))).hasValue(new InvoicePayload(30, 250, 42));
        assertThat(InvoicePayload.parse("premium:x:1:2")).isEmpty();
    }
}
