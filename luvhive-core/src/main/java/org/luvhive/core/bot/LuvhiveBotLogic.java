package org.luvhive.core.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.admin.AdminOnly;
import org.luvhive.core.admin.BanCommand;
import org.luvhive.core.admin.Banning;
import org.luvhive.core.admin.RefundCommand;
import org.luvhive.core.admin.ReportActionCallback;
import org.luvhive.core.admin.ReportsCommand;
import org.luvhive.core.admin.StatsCommand;
import org.luvhive.core.admin.UnbanCommand;
import org.luvhive.core.bot.internal.BlockCallback;
import org.luvhive.core.bot.internal.BotBlockedHandler;
import org.luvhive.core.bot.internal.Commands;
import org.luvhive.core.bot.internal.DeleteCallback;
import org.luvhive.core.bot.internal.DeleteMeCommand;
import org.luvhive.core.bot.internal.Guarded;
import org.luvhive.core.bot.internal.MyDataCommand;
import org.luvhive.core.bot.internal.NextCommand;
import org.luvhive.core.bot.internal.ProfileCallback;
import org.luvhive.core.bot.internal.ReportCallback;
import org.luvhive.core.bot.internal.StopCommand;
import org.luvhive.core.bot.internal.TextMessage;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.chat.ChatDeliveryEvents;
import org.luvhive.core.chat.ChatMaintenance;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.RateCallback;
import org.luvhive.core.chat.RelayEdit;
import org.luvhive.core.chat.RelayMessage;
import org.luvhive.core.chat.UnsupportedMessage;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.match.BoostCommand;
import org.luvhive.core.match.CancelCommand;
import org.luvhive.core.match.FilterCallback;
import org.luvhive.core.match.FiltersCommand;
import org.luvhive.core.match.FindCommand;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.match.QueueMaintenance;
import org.luvhive.core.moderation.Ban;
import org.luvhive.core.moderation.Bans;
import org.luvhive.core.moderation.ModerationRetention;
import org.luvhive.core.moderation.ReportCommand;
import org.luvhive.core.premium.BuyCallback;
import org.luvhive.core.premium.PreCheckoutHandler;
import org.luvhive.core.premium.Premium;
import org.luvhive.core.premium.PremiumCommand;
import org.luvhive.core.premium.PremiumMaintenance;
import org.luvhive.core.premium.SuccessfulPaymentHandler;
import org.luvhive.core.update.BotFeatures;
import org.luvhive.core.update.MessageKind;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.update.UpdateRouter;
import org.luvhive.core.user.AgeCallback;
import org.luvhive.core.user.ConsentCallback;
import org.luvhive.core.user.GenderCallback;
import org.luvhive.core.user.InfoCommand;
import org.luvhive.core.user.InterestCallback;
import org.luvhive.core.user.OnboardingPrompts;
import org.luvhive.core.user.ProfileCommand;
import org.luvhive.core.user.StartCommand;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * The bot users talk to, as one object for the composition root: the router (one handler
 * per command, button prefix and message kind), what to do with delivery outcomes, the
 * start-up calls (command menus; best-effort) and the maintenance tasks to schedule.
 * Everything it remembers is in PostgreSQL, so several instances can share one database.
 * Immutable after construction; thread-safe.
 */
public final class LuvhiveBotLogic implements BotFeatures {

    private final UpdateRouter router;
    private final DeliveryEvents deliveryEvents;
    private final List<BotApiMethod<?>> startupCalls;
    private final List<Maintenance> maintenance;

    /** How long another instance may act on a cached ban lookup after a ban or unban. */
    public static final Duration BAN_CACHE_EXPIRY = Duration.ofSeconds(5);

    public LuvhiveBotLogic(Jdbi jdbi, Outbox outbox, Clock clock, BotSettings settings) {
        this(jdbi, outbox, clock, settings, null);
    }

    /** With the ban lookups of every update cached in {@code caches} ("bans", {@link #BAN_CACHE_EXPIRY}). */
    public LuvhiveBotLogic(Jdbi jdbi, Outbox outbox, Clock clock, BotSettings settings, CacheRegistry caches) {
        Chats chats = new Chats(outbox);
        Matcher matcher = new Matcher(outbox, chats, settings.rematchCooldown());
        Bans bans = new Bans(outbox, caches == null ? null : caches.<Long, Optional<Ban>>create("bans", BAN_CACHE_EXPIRY));
        Banning banning = new Banning(bans, chats, matcher);
        Premium premium = new Premium();
        BotBlockedHandler botBlocked = new BotBlockedHandler(chats, matcher, clock);
        RelayMessage relay = new RelayMessage();
        FiltersCommand filters = new FiltersCommand();
        BlockCallback block = new BlockCallback(chats);
        var admins = settings.adminIds();

        UpdateRouter.Builder routes = UpdateRouter.builder()
                .command("start", open(bans, new StartCommand()))
                .command("help", open(bans, new InfoCommand(InfoCommand.HELP)))
                .command("rules", open(bans, new InfoCommand(InfoCommand.RULES)))
                .command("privacy", open(bans, new InfoCommand(OnboardingPrompts.PRIVACY_TEXT)))
                .command("my_data", open(bans, new MyDataCommand()))
                .command("delete_me", open(bans, new DeleteMeCommand()))
                .command("profile", onboarded(bans, new ProfileCommand()))
                .command("find", onboarded(bans, new FindCommand(matcher)))
                .command("next", onboarded(bans, new NextCommand(matcher, chats)))
                .command("stop", onboarded(bans, new StopCommand(chats, matcher)))
                .command("cancel", onboarded(bans, new CancelCommand(matcher)))
                .command("boost", onboarded(bans, new BoostCommand(matcher, settings.boostCooldown())))
                .command("filters", onboarded(bans, filters))
                .command("report", onboarded(bans, new ReportCommand(settings.reportWindow())))
                .command("block", onboarded(bans, block))
                .command("premium", onboarded(bans, new PremiumCommand(settings.catalog())))
                .command("stats", new AdminOnly(admins, "stats", new StatsCommand()))
                .command("ban", new AdminOnly(admins, "ban", new BanCommand(banning)))
                .command("unban", new AdminOnly(admins, "unban", new UnbanCommand(bans)))
                .command("reports", new AdminOnly(admins, "reports", new ReportsCommand()))
                .command("refund", new AdminOnly(admins, "refund", new RefundCommand(premium)))
                .callback(ConsentCallback.PREFIX, open(bans, new ConsentCallback()))
                .callback(GenderCallback.PREFIX, open(bans, new GenderCallback()))
                .callback(AgeCallback.PREFIX, open(bans, new AgeCallback()))
                .callback(InterestCallback.PREFIX, open(bans, new InterestCallback()))
                .callback(DeleteCallback.PREFIX, open(bans, new DeleteCallback(chats, matcher)))
                .callback(ProfileCallback.PREFIX, onboarded(bans, new ProfileCallback(filters)))
                .callback(FilterCallback.PREFIX, onboarded(bans, new FilterCallback()))
                .callback(RateCallback.PREFIX, onboarded(bans, new RateCallback()))
                .callback(ReportCallback.PREFIX, onboarded(bans,
                        new ReportCallback(settings.reportWindow(), chats, admins)))
                .callback(BlockCallback.PREFIX, onboarded(bans, block))
                .callback(BuyCallback.PREFIX, onboarded(bans, new BuyCallback(settings.catalog())))
                .callback(ReportActionCallback.PREFIX, new AdminOnly(admins, "report-action",
                        new ReportActionCallback(banning)))
                .message(MessageKind.TEXT, open(bans, new TextMessage(relay)))
                .message(MessageKind.SUCCESSFUL_PAYMENT, new SuccessfulPaymentHandler(premium, settings.catalog()))
                .message(MessageKind.OTHER, open(bans, new UnsupportedMessage()))
                .editedMessage(open(bans, new RelayEdit()))
                .preCheckoutQuery(new PreCheckoutHandler(settings.catalog(), bans))
                .myChatMember(botBlocked)
                .fallback(context -> { });
        for (MessageKind kind : MessageKind.values()) {
            if (kind != MessageKind.TEXT && kind != MessageKind.SUCCESSFUL_PAYMENT && kind != MessageKind.OTHER) {
                routes.message(kind, open(bans, relay));
            }
        }
        this.router = routes.build();
        this.deliveryEvents = DeliveryEvents.all(List.of(new ChatDeliveryEvents(outbox), botBlocked));
        this.startupCalls = Commands.setMyCommands(admins);

        QueueMaintenance queue = new QueueMaintenance(jdbi, outbox, clock, matcher, settings.waitingNoticeAfter());
        PremiumMaintenance premiumMaintenance = new PremiumMaintenance(jdbi, outbox, clock);
        ChatMaintenance chatMaintenance = new ChatMaintenance(jdbi, clock, settings.relayMapRetention(),
                settings.chatRetention());
        ModerationRetention retention = new ModerationRetention(jdbi, clock);
        this.maintenance = List.of(
                new Maintenance("match-sweep", Duration.ofSeconds(15), queue::sweep),
                new Maintenance("match-waiting-notices", Duration.ofSeconds(30), queue::noticeLongWaits),
                new Maintenance("premium-expiry", Duration.ofMinutes(1), premiumMaintenance::noticeExpired),
                new Maintenance("checkout-refusal-retention", Duration.ofHours(1),
                        premiumMaintenance::pruneRefusals),
                new Maintenance("relay-map-prune", Duration.ofMinutes(5), chatMaintenance::pruneRelayMap),
                new Maintenance("chat-retention", Duration.ofHours(1), chatMaintenance::deleteOldChats),
                new Maintenance("moderation-retention", Duration.ofHours(6), retention::run));
    }

    private static UpdateHandler open(Bans bans, UpdateHandler handler) {
        return new Guarded(bans, false, handler);
    }

    private static UpdateHandler onboarded(Bans bans, UpdateHandler handler) {
        return new Guarded(bans, true, handler);
    }

    /** Routes every update to its handler; handlers run in the inbox transaction. */
    @Override
    public UpdateRouter router() {
        return router;
    }

    /** Delivery outcomes: relay id mapping, recipients who blocked the bot, refused copies. */
    @Override
    public DeliveryEvents deliveryEvents() {
        return deliveryEvents;
    }

    /** Calls to make once at start-up (command menus); best-effort, retried by the caller. */
    @Override
    public List<BotApiMethod<?>> startupCalls() {
        return startupCalls;
    }

    /** Periodic work, each run in its own short transactions; every instance may run all of it. */
    @Override
    public List<Maintenance> maintenance() {
        return maintenance;
    }
}
