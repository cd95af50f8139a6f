package org.luvhive.core.ops.caches.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Per-user traces in the pipeline's tables, removed in batches (short transactions, short locks). */
public interface ActivityDao {

    /** Handled updates keep their update_id (redelivery detection) but no longer say whose they were. */
    @SqlUpdate("""
            update inbox set user_id = null, chat_id = null
            where update_id in (select update_id from inbox
                                where status in ('handled', 'skipped') and received_at < :before
                                  and (user_id is not null or chat_id is not null)
                                limit :batch)
            """)
    int forgetInboxUsers(@Bind("before") Instant before, @Bind("batch") int batch);

    /** Sent and cancelled messages: who was sent something when. */
    @SqlUpdate("""
            delete from outbox
            where id in (select id from outbox where status in ('sent', 'cancelled') and created_at < :before
                         limit :batch)
            """)
    int deleteFinishedOutbox(@Bind("before") Instant before, @Bind("batch") int batch);
}
