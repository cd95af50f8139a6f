package org.luvhive.core.premium;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

import java.util.ArrayList;
import java.util.List;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** {@code /premium}: what premium gives, the packs in Stars, and the current expiry. Thread-safe. */
public final class PremiumCommand implements UpdateHandler {

    private final PremiumCatalog catalog;
    private final Users users;

    public PremiumCommand(PremiumCatalog catalog, Users users) {
        this.catalog = catalog;
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = users.find(context.handle(), context.userId()).orElse(null);
        StringBuilder text = new StringBuilder(context.text("premium.offer"));
        if (user != null && user.isPremium(context.now())) {
            text.append("\n\n").append(context.text("premium.runs_until", when(user.premiumUntil())));
        }
        text.append("\n\n").append(context.text("premium.choose"));
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (PremiumPack pack : catalog.packs()) {
            rows.add(row(button(context.text("premium.pack", pack.days(), pack.stars()), "prem:" + pack.days())));
        }
        context.send(notice(context.userId(), text.toString(), keyboard(rows)));
    }
}
