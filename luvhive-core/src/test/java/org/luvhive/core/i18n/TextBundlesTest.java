package org.luvhive.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The message bundles stay complete: every translation has exactly English's keys, with
 * the same placeholders, and really translated; every key the code names exists.
 */
class TextBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    /** Literal keys handed to text(...), replyText(...) or Texts.of(language, ...) in the main sources. */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:\\btext|replyText|Texts\\.of\\(\\s*[\\w.()]+\\s*,)\\s*\\(?\\s*\"([a-z0-9_]+(?:\\.[a-z0-9_]+)+)\"");
    /** Texts that read the same in a translation (commands, ids, emoji-only labels). */
    private static final Map<Language, Set<String>> SAME_AS_ENGLISH = Map.of(
            Language.RU, Set.of("menu.refund", "admin.refund.usage"),
            Language.ES, Set.of("menu.refund", "profile.premium_no", "my_data.no", "admin.refund.usage"));

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void everyTranslationHasExactlyTheKeysOfEnglish(Language language) {
        Set<String> english = Texts.ownKeys(Language.EN);
        Set<String> translated = Texts.ownKeys(language);
        assertThat(english).as("the English bundle").isNotEmpty();
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(translated);
        Set<String> unknown = new TreeSet<>(translated);
        unknown.removeAll(english);
        assertThat(missing).as("keys English has that %s lacks", language).isEmpty();
        assertThat(unknown).as("keys %s has that English lacks", language).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void translationsUseEnglishPlaceholdersAndAreReallyTranslated(Language language) {
        Map<String, String> wrongPlaceholders = new TreeMap<>();
        Set<String> untranslated = new TreeSet<>();
        for (String key : Texts.ownKeys(Language.EN)) {
            String english = raw(Language.EN, key);
            String translated = raw(language, key);
            if (!placeholders(english).equals(placeholders(translated))) {
                wrongPlaceholders.put(key, placeholders(english) + " vs " + placeholders(translated));
            }
            if (english.equals(translated) && !SAME_AS_ENGLISH.get(language).contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(wrongPlaceholders).as("placeholders of %s differing from English", language).isEmpty();
        assertThat(untranslated).as("%s texts identical to English", language).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExistsInEnglish() throws IOException {
        Set<String> named = new TreeSet<>();
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher keys = KEY_IN_CODE.matcher(Files.readString(file));
                while (keys.find()) {
                    named.add(keys.group(1));
                }
            }
        }
        assertThat(named).as("keys found in the code").hasSizeGreaterThan(100);
        assertThat(named.stream().filter(key -> !Texts.has(key)).toList()).as("keys the code names that English lacks")
                .isEmpty();
    }

    @Test
    void aMissingKeyIsAnErrorAndPlaceholdersAreFilledAsTheyAre() {
        assertThatThrownBy(() -> Texts.of(Language.RU, "no.such.key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.key");
        assertThat(Texts.format("{0} isn't {1}, {2} or {x}", "it's", 5)).isEqualTo("it's isn't 5, {2} or {x}");
        assertThat(Texts.of(Language.ES, "age.out_of_range", 18, 99)).isEqualTo("Envía una edad real entre 18 y 99.");
    }

    @Test
    void telegramLanguageCodesPickOurLanguages() {
        assertThat(Language.ofTelegram("ru")).isEqualTo(Language.RU);
        assertThat(Language.ofTelegram("es-419")).isEqualTo(Language.ES);
        assertThat(Language.ofTelegram("pt-br")).isEqualTo(Language.EN);
        assertThat(Language.ofTelegram(null)).isEqualTo(Language.EN);
    }

    private static String raw(Language language, String key) {
        return Texts.of(language, key);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
