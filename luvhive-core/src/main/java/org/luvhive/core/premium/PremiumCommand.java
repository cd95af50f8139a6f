package org.luvhive.core.premium;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.util.ArrayList;
import java.util.List;
import org.luvhive.core.moderation.Bans;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** {@code /premium}: what premium gives, the packs in Stars, and the current expiry. Thread-safe. */
public final class PremiumCommand implements UpdateHandler {

    private final PremiumCatalog catalog;

    public PremiumCommand(PremiumCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = context.handle().attach(UserDao.class).find(context.userId()).orElse(null);
        StringBuilder text = new StringBuilder("""
                ⭐ LuvHive Premium
                • Search filters: gender, age range, same city (/filters)
                • /boost to the front of the queue
                • See your partner's gender, age, ratings and shared interests
                • Premium-only interests
                """);
        if (user != null && user.isPremium(context.now())) {
            text.append("\nYour premium runs until ").append(Bans.format(user.premiumUntil()))
                    .append(". Buying more extends it.");
        }
        text.append("\nChoose a pack (paid in Telegram Stars):");
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (PremiumPack pack : catalog.packs()) {
            rows.add(row(button(pack.days() + " days · " + pack.stars() + " ⭐", "prem:" + pack.days())));
        }
        context.send(notice(context.userId(), text.toString(), keyboard(rows)));
    }
}
