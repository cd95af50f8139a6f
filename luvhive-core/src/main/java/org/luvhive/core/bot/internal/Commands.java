package org.luvhive.core.bot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;

/**
 * The command menu published at start-up: users' commands for all, plus admin commands
 * for admins; in English for everyone, and in each other language for the users whose
 * Telegram app speaks it ({@code language_code}). Descriptions come from the bundles
 * ({@code menu.<command>}).
 */
public final class Commands {

    private static final List<String> USER = List.of("find", "next", "stop", "cancel", "report", "block", "unsend",
            "reveal", "appeal", "profile", "settings",
            "language", "premium", "filters", "boost", "help", "rules", "privacy",
            "my_data", "delete_me");

    private static final List<String> ADMIN = List.of("stats", "reports", "mod", "ban", "unban", "refund");

    private Commands() {
    }

    public static List<BotApiMethod<?>> setMyCommands(Set<Long> adminIds) {
        List<BotApiMethod<?>> calls = new ArrayList<>();
        for (Language language : Language.values()) {
            SetMyCommands.SetMyCommandsBuilder<?, ?> call = SetMyCommands.builder().commands(menu(USER, language));
            if (language != Language.DEFAULT) {
                call.languageCode(language.code());
            }
            calls.add(call.build());
        }
        List<String> all = new ArrayList<>(USER);
        all.addAll(ADMIN);
        adminIds.stream().sorted().forEach(admin -> calls.add(SetMyCommands.builder().commands(menu(all, Language.DEFAULT))
                .scope(BotCommandScopeChat.builder().chatId(String.valueOf(admin)).build()).build()));
        return List.copyOf(calls);
    }

    private static List<BotCommand> menu(List<String> commands, Language language) {
        return commands.stream().map(command -> new BotCommand(command, Texts.of(language, "menu." + command))).toList();
    }
}
