package org.luvhive.core.ops.doctor;

import java.time.Clock;
import java.util.Map;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.telegram.TelegramGateway;

/**
 * What the doctor examines, each made on first use by whoever runs it (the CLI's context):
 * a part that cannot be made throws, and the doctor reports it.
 */
public interface DoctorInputs {

    /** The configuration; a {@code ConfigException} when it is invalid. */
    LuvhiveConfig config();

    /** The configured database, opened; a {@code DatabaseUnavailableException} when it cannot be reached. */
    Database database();

    /** The Bot API with the configured token. */
    TelegramGateway telegram();

    /** The process environment (where pg_dump is looked for). */
    Map<String, String> environment();

    Clock clock();
}
