package org.luvhive.core.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.Maintenance;
import org.luvhive.core.admin.AdminOnly;
import org.luvhive.core.admin.BanCommand;
import org.luvhive.core.admin.ModActionCallback;
import org.luvhive.core.admin.ModCommand;
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
import org.luvhive.core.bot.internal.Guards;
import org.luvhive.core.bot.internal.ModeratedEdit;
import org.luvhive.core.bot.internal.ModeratedRelay;
import org.luvhive.core.bot.internal.MyDataCommand;
import org.luvhive.core.bot.internal.NextCommand;
import org.luvhive.core.bot.internal.ProfileCallback;
import org.luvhive.core.bot.internal.ReopenCallback;
import org.luvhive.core.bot.internal.ReportCallback;
import org.luvhive.core.bot.internal.SearchGate;
import org.luvhive.core.bot.internal.StopCommand;
import org.luvhive.core.bot.internal.TextMessage;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.chat.ChatDeliveryEvents;
import org.luvhive.core.chat.ChatMaintenance;
import org.luvhive.core.chat.MediaConsent;
import org.luvhive.core.chat.MediaConsentCallback;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.RateCallback;
import org.luvhive.core.chat.Ratings;
import org.luvhive.core.chat.RelayEdit;
import org.luvhive.core.chat.RelayMessage;
import org.luvhive.core.chat.RevealCallback;
import org.luvhive.core.chat.RevealCommand;
import org.luvhive.core.chat.UnsendCallback;
import org.luvhive.core.chat.UnsendCommand;
import org.luvhive.core.chat.UnsupportedMessage;
import org.luvhive.core.delivery.DeliveryEvents;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.match.BoostCommand;
import org.luvhive.core.match.CancelCommand;
import org.luvhive.core.match.FilterCallback;
import org.luvhive.core.match.FiltersCommand;
import org.luvhive.core.match.FindCommand;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.match.QueueMaintenance;
import org.luvhive.core.match.SearchDeliveryEvents;
import org.luvhive.core.match.SearchStatus;
import org.luvhive.core.match.WidenCallback;
import org.luvhive.core.moderation.AppealCommand;
import org.luvhive.core.moderation.Ban;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.ModerationFeature;
import org.luvhive.core.moderation.ModerationRetention;
import org.luvhive.core.moderation.ReportCommand;
import org.luvhive.core.moderation.ReportDetailsInput;
import org.luvhive.core.moderation.Screening;
import org.luvhive.core.premium.BuyCallback;
import org.luvhive.core.premium.PaidBoostOffer;
import org.luvhive.core.premium.PaidBoosts;
import org.luvhive.core.premium.FraudLimitsSettings;
import org.luvhive.core.premium.PaymentSignals;
import org.luvhive.core.premium.Payments;
import org.luvhive.core.premium.PreCheckoutHandler;
import org.luvhive.core.premium.PremiumCommand;
import org.luvhive.core.premium.PremiumMaintenance;
import org.luvhive.core.premium.SearchPromises;
import org.luvhive.core.premium.SuccessfulPaymentHandler;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.update.MessageKind;
import org.luvhive.core.update.UpdateRouter;
import org.luvhive.core.user.AgeCallback;
import org.luvhive.core.user.ConsentCallback;
import org.luvhive.core.user.GenderCallback;
import org.luvhive.core.user.InfoCommand;
import org.luvhive.core.user.InterestCallback;
import org.luvhive.core.user.LanguageCallback;
import org.luvhive.core.user.LanguageCommand;
import org.luvhive.core.user.ProfileCommand;
import org.luvhive.core.user.SettingsCallback;
import org.luvhive.core.user.SettingsCommand;
import org.luvhive.core.user.StartCommand;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * The bot users talk to, as one object for the composition root: the router (one handler
 * per command, button prefix and message kind), what to do with delivery outcomes, the
 * start-up calls (command menus; best-effort) and the maintenance tasks to schedule.
 * Everything it remembers is in PostgreSQL, so several instances can share one database.
 * Immutable after construction; thread-safe.
 */
public final class LuvhiveFeatures implements BotFeatures {

    private final UpdateRouter router;
    private final DeliveryEvents deliveryEvents;
    private final List<BotApiMethod<?>> startupCalls;
    private final List<Maintenance> maintenance;
    private final ModerationFeature feature;
    private final FraudLimitsSettings fraudLimits;

    /**
     * How long a ban lookup stays cached. A ban or unban anywhere drops every lookup within a
     * second ({@link Moderation#follow}); this bounds only what an instance acts on whose
     * settings listener is not running.
     */
    public static final Duration BAN_CACHE_EXPIRY = Duration.ofMinutes(1);

    /** Without a cache of ban lookups. */
    public LuvhiveFeatures(Jdbi jdbi, Outbox outbox, Clock clock, FeatureSettings settings, MeterRegistry registry,
                           ViolationsLog violations) {
        this(jdbi, outbox, clock, settings, null, registry, violations);
    }

    /**
     * With the ban lookups of every update cached in {@code caches} ("bans", {@link #BAN_CACHE_EXPIRY};
     * null: none); moderation counts its decisions in {@code registry} and logs them in {@code violations}.
     */
    public LuvhiveFeatures(Jdbi jdbi, Outbox outbox, Clock clock, FeatureSettings settings, CacheRegistry caches,
                           MeterRegistry registry, ViolationsLog violations) {
        Users users = new Users();
        Chats chats = new Chats(outbox, users);
        Ratings ratings = new Ratings();
        Matcher matcher = new Matcher(outbox, chats, users, ratings, settings.rematchCooldown());
        Moderation moderation = new Moderation(outbox, users,
                caches == null ? null : caches.<Long, Optional<Ban>>create("bans", BAN_CACHE_EXPIRY));
        Payments payments = new Payments(users);
        PaymentSignals paymentSignals = new PaymentSignals();
        this.fraudLimits = new FraudLimitsSettings(new OpsSettings(jdbi, clock), new ObjectMapper());
        Banning banning = new Banning(moderation, chats, matcher);
        this.feature = new ModerationFeature(jdbi, clock, moderation, chats, users, violations, registry);
        Screening screening = feature.screening();
        Guards guards = new Guards(moderation, users);
        BotBlockedHandler botBlocked = new BotBlockedHandler(chats, matcher, clock);
        MediaConsent mediaConsent = new MediaConsent(users);
        ModeratedRelay relay = new ModeratedRelay(chats, new RelayMessage(mediaConsent), screening);
        UnsendCommand unsend = new UnsendCommand(users, mediaConsent);
        SettingsCommand userSettings = new SettingsCommand(users);
        FiltersCommand filters = new FiltersCommand(users);
        SearchStatus searchStatus = new SearchStatus(jdbi, outbox, clock, users);
        SearchPromises promises = new SearchPromises(jdbi, outbox, clock, users, chats, matcher, payments,
                settings.search().promise());
        PaidBoosts paidBoosts = new PaidBoosts(matcher, promises, settings.search().boostStars());
        BlockCallback block = new BlockCallback(chats, moderation);
        Set<Long> admins = settings.adminIds();

        UpdateRouter.Builder routes = UpdateRouter.builder()
                .command("start", guards.open(new StartCommand()))
                .command("help", guards.open(new InfoCommand(InfoCommand.HELP)))
                .command("rules", guards.open(new InfoCommand(InfoCommand.RULES)))
                .command("privacy", guards.open(new InfoCommand(InfoCommand.PRIVACY)))
                .command("language", guards.open(new LanguageCommand()))
                .command("my_data", guards.open(new MyDataCommand(users, chats, ratings, moderation, payments)))
                .command("delete_me", guards.open(new DeleteMeCommand()))
                .command("profile", guards.onboarded(new ProfileCommand()))
                .command("find", guards.onboarded(new SearchGate(screening, users, new FindCommand(matcher))))
                .command("next", guards.onboarded(new SearchGate(screening, users, new NextCommand(matcher, chats))))
                .command("stop", guards.onboarded(new StopCommand(chats, matcher)))
                .command("cancel", guards.onboarded(new CancelCommand(matcher, users)))
                .command("boost", guards.onboarded(new BoostCommand(matcher, users, settings.boostCooldown(),
                        new PaidBoostOffer(chats, paidBoosts.stars(), promises.promise()))))
                .command("filters", guards.onboarded(filters))
                .command("report", guards.onboarded(new ReportCommand(settings.reportWindow(), chats)))
                .command("block", guards.onboarded(block))
                .command("unsend", guards.onboarded(unsend))
                .command("settings", guards.onboarded(userSettings))
                .command("reveal", guards.onboarded(new RevealCommand(users)))
                .command("premium", guards.onboarded(new PremiumCommand(settings.catalog(), users)))
                .command("stats", new AdminOnly(admins, moderation, "stats",
                        new StatsCommand(users, chats, matcher, moderation)))
                .command("ban", new AdminOnly(admins, moderation, "ban", new BanCommand(banning, moderation)))
                .command("unban", new AdminOnly(admins, moderation, "unban", new UnbanCommand(moderation)))
                .command("reports", new AdminOnly(admins, moderation, "reports", new ReportsCommand(moderation)))
                .command("refund", new AdminOnly(admins, moderation, "refund",
                        new RefundCommand(payments, moderation, users, paymentSignals)))
                .command("mod", new AdminOnly(admins, moderation, "mod", new ModCommand(feature.queue())))
                .command("appeal", new AppealCommand(feature.appeals(), admins, users)) // banned users may appeal
                .callback(ConsentCallback.PREFIX, guards.open(new ConsentCallback()))
                .callback(LanguageCallback.PREFIX, guards.open(new LanguageCallback(users)))
                .callback(GenderCallback.PREFIX, guards.open(new GenderCallback()))
                .callback(AgeCallback.PREFIX, guards.open(new AgeCallback()))
                .callback(InterestCallback.PREFIX, guards.open(new InterestCallback()))
                .callback(DeleteCallback.PREFIX, guards.open(
                        new DeleteCallback(users, chats, ratings, matcher, moderation, payments)))
                .callback(ProfileCallback.PREFIX, guards.onboarded(new ProfileCallback(filters, users, chats)))
                .callback(FilterCallback.PREFIX, guards.onboarded(new FilterCallback(users)))
                .callback(WidenCallback.PREFIX, guards.onboarded(new WidenCallback(matcher)))
                .callback(RateCallback.PREFIX, guards.onboarded(new RateCallback()))
                .callback(ReportCallback.PREFIX, guards.onboarded(
                        new ReportCallback(settings.reportWindow(), chats, matcher, moderation, feature.reports(), users,
                                admins)))
                .callback(BlockCallback.PREFIX, guards.onboarded(block))
                .callback(RevealCallback.PREFIX, guards.onboarded(new RevealCallback(users)))
                .callback(MediaConsentCallback.PREFIX, guards.onboarded(new MediaConsentCallback(mediaConsent)))
                .callback(UnsendCallback.PREFIX, guards.onboarded(new UnsendCallback(unsend)))
                .callback(SettingsCallback.PREFIX, guards.onboarded(new SettingsCallback(users, userSettings)))
                .callback(Chats.REOPEN_PREFIX, guards.onboarded(new ReopenCallback(chats, matcher, moderation, users)))
                .callback(BuyCallback.PREFIX, guards.onboarded(new BuyCallback(settings.catalog())))
                .callback(ReportActionCallback.PREFIX, new AdminOnly(admins, moderation, "report-action",
                        new ReportActionCallback(banning, moderation)))
                .callback(ModActionCallback.PREFIX, new AdminOnly(admins, moderation, "mod-action",
                        new ModActionCallback(banning, moderation, feature, users)))
                .message(MessageKind.TEXT, guards.open(
                        new TextMessage(relay, new ReportDetailsInput(users), chats)))
                .message(MessageKind.SUCCESSFUL_PAYMENT,
                        new SuccessfulPaymentHandler(payments, users, settings.catalog(), paymentSignals, paidBoosts))
                .message(MessageKind.OTHER, guards.open(new UnsupportedMessage()))
                .editedMessage(guards.open(new ModeratedEdit(chats, new RelayEdit(), screening)))
                .preCheckoutQuery(new PreCheckoutHandler(settings.catalog(), moderation, fraudLimits, paymentSignals,
                        paidBoosts.stars()))
                .myChatMember(botBlocked)
                .fallback(context -> { })
                .languages(users);
        for (MessageKind kind : MessageKind.values()) {
            if (kind != MessageKind.TEXT && kind != MessageKind.SUCCESSFUL_PAYMENT && kind != MessageKind.OTHER) {
                routes.message(kind, guards.open(relay));
            }
        }
        this.router = routes.build();
        this.deliveryEvents = DeliveryEvents.all(List.of(new ChatDeliveryEvents(outbox, users, clock), botBlocked,
                new SearchDeliveryEvents(searchStatus), promises));
        this.startupCalls = Commands.setMyCommands(admins);

        QueueMaintenance queue = new QueueMaintenance(jdbi, outbox, clock, matcher, users,
                settings.search().widenAfter());
        PremiumMaintenance premiumMaintenance = new PremiumMaintenance(jdbi, outbox, clock, users);
        ChatMaintenance chatMaintenance = new ChatMaintenance(jdbi, clock, settings.relayMapRetention(),
                settings.chatRetention());
        ModerationRetention moderationRetention = new ModerationRetention(jdbi, clock);
        List<Maintenance> tasks = new ArrayList<>(List.of(
                new Maintenance("match-sweep", Duration.ofSeconds(15), queue::sweep),
                new Maintenance("match-widen-offers", Duration.ofSeconds(10), queue::offerWiden),
                new Maintenance("search-status", Duration.ofSeconds(5), searchStatus::refresh),
                new Maintenance("search-promises", Duration.ofSeconds(15), promises::settle),
                new Maintenance("match-wait-prune", Duration.ofHours(1), searchStatus::pruneWaits),
                new Maintenance("premium-expiry", Duration.ofMinutes(1), premiumMaintenance::noticeExpired),
                new Maintenance("checkout-refusal-retention", Duration.ofHours(1),
                        premiumMaintenance::pruneRefusals),
                new Maintenance("relay-map-prune", Duration.ofMinutes(5), chatMaintenance::pruneRelayMap),
                new Maintenance("reopen-prune", Duration.ofMinutes(30), chatMaintenance::pruneReopenRequests),
                new Maintenance("chat-retention", Duration.ofHours(1), chatMaintenance::deleteOldChats),
                new Maintenance("moderation-retention", Duration.ofHours(6), moderationRetention::run)));
        tasks.addAll(feature.maintenance());
        this.maintenance = List.copyOf(tasks);
    }

    /** Follows the moderation level, policy and rules and the payment fraud limits the CLI sets. */
    @Override
    public void follow(OpsSettingsListener listener) {
        feature.follow(listener);
        fraudLimits.follow(listener);
    }

    /** The moderation feature's services (its live level and rules, the queue), for tests and benchmarks. */
    public ModerationFeature moderation() {
        return feature;
    }

    /** Routes every update to its handler; handlers run in the inbox transaction. */
    @Override
    public UpdateRouter router() {
        return router;
    }

    /**
     * Delivery outcomes: relay id mapping, recipients who blocked the bot, refused copies,
     * the ids of search status messages, automatic refunds made.
     */
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
