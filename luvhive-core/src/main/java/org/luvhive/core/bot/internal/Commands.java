package org.luvhive.core.bot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;

/** The command menu published at start-up: users' commands for all, plus admin commands for admins. */
public final class Commands {

    private static final List<BotCommand> USER = List.of(
            new BotCommand("find", "Meet a random partner"),
            new BotCommand("next", "End this chat and find someone else"),
            new BotCommand("stop", "End the chat or stop searching"),
            new BotCommand("cancel", "Stop searching"),
            new BotCommand("report", "Report your partner"),
            new BotCommand("block", "Never meet this partner again"),
            new BotCommand("appeal", "Ask a moderator to look at a mute or ban again"),
            new BotCommand("profile", "Your profile"),
            new BotCommand("premium", "Premium with Telegram Stars"),
            new BotCommand("filters", "Whom to meet (premium)"),
            new BotCommand("boost", "Front of the queue (premium)"),
            new BotCommand("help", "What I can do"),
            new BotCommand("rules", "The rules"),
            new BotCommand("privacy", "What is stored"),
            new BotCommand("my_data", "Your data"),
            new BotCommand("delete_me", "Erase your data"));

    private static final List<BotCommand> ADMIN = List.of(
            new BotCommand("stats", "Users, chats, queue, premium, reports"),
            new BotCommand("reports", "Open reports"),
            new BotCommand("mod", "Moderation queue, most urgent first"),
            new BotCommand("ban", "<user> <duration> <reason>"),
            new BotCommand("unban", "<user>"),
            new BotCommand("refund", "<charge id>"));

    private Commands() {
    }

    public static List<BotApiMethod<?>> setMyCommands(Set<Long> adminIds) {
        List<BotApiMethod<?>> calls = new ArrayList<>();
        calls.add(SetMyCommands.builder().commands(USER).build());
        List<BotCommand> all = new ArrayList<>(USER);
        all.addAll(ADMIN);
        adminIds.stream().sorted().forEach(admin -> calls.add(SetMyCommands.builder().commands(all)
                .scope(BotCommandScopeChat.builder().chatId(String.valueOf(admin)).build()).build()));
        return List.copyOf(calls);
    }
}
