package org.luvhive.cli.payments;

import picocli.CommandLine.Command;

/** {@code luvhive payments}: Telegram Stars payments, refunds and fraud, for the monthly review. */
@Command(name = "payments", mixinStandardHelpOptions = true,
        description = "Payments in Telegram Stars: the monthly report and the fraud limits.")
public final class PaymentsCommand {
}
