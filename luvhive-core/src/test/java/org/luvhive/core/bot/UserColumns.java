package org.luvhive.core.bot;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Every column of the schema, read from the catalog, and which of them can hold a Telegram
 * user's id: so a test about forgetting a user covers tables added after it was written.
 * A column holds a user's id when it is a bigint and
 * <ul>
 * <li>its name says so: {@code user_id}, {@code *_user_id}, {@code <role>_id} for the roles
 * users play ({@code sender}, {@code recipient}, {@code rater}, {@code rated},
 * {@code blocker}, {@code blocked}, {@code reporter}, {@code reported}, {@code partner},
 * {@code admin}), or {@code *_by} (who did something); or
 * <li>it has a foreign key to {@code users}; or
 * <li>it is a {@code chat_id} or {@code *_chat_id} without a foreign key to {@code chats}
 * and not listed in {@code chatReferences}: a Telegram chat, which for a private chat is
 * the user's id.
 * </ul>
 */
final class UserColumns {

    private static final Pattern USER_NAME = Pattern.compile(
            "user_id|.+_user_id|(sender|recipient|rater|rated|blocker|blocked|reporter|reported|partner|admin)_id|.+_by");
    private static final Pattern CHAT_NAME = Pattern.compile("chat_id|.+_chat_id");
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "jsonb", "json");

    /** One column of a base table in the public schema. */
    record Column(String table, String name, String type) {

        String id() {
            return table + "." + name;
        }

        boolean isBigint() {
            return type.equals("bigint");
        }

        boolean isText() {
            return TEXT_TYPES.contains(type);
        }
    }

    private final List<Column> columns;
    private final Set<String> toUsers;
    private final Set<String> toChats;

    private UserColumns(List<Column> columns, Set<String> toUsers, Set<String> toChats) {
        this.columns = columns;
        this.toUsers = toUsers;
        this.toChats = toChats;
    }

    static UserColumns read(Handle handle) {
        List<Column> columns = handle.createQuery("""
                        select c.table_name, c.column_name, c.data_type
                        from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                          and c.table_name <> 'flyway_schema_history'
                        order by c.table_name, c.ordinal_position""")
                .map((row, context) -> new Column(row.getString(1), row.getString(2), row.getString(3))).list();
        return new UserColumns(columns, referencing(handle, "users"), referencing(handle, "chats"));
    }

    /** {@code table.column} of every column with a foreign key to {@code referenced}. */
    private static Set<String> referencing(Handle handle, String referenced) {
        return Set.copyOf(handle.createQuery("""
                        select src.relname || '.' || att.attname
                        from pg_constraint fk
                        join pg_class src on src.oid = fk.conrelid
                        join pg_class dst on dst.oid = fk.confrelid
                        join pg_namespace ns on ns.oid = src.relnamespace
                        cross join unnest(fk.conkey) as col(attnum)
                        join pg_attribute att on att.attrelid = fk.conrelid and att.attnum = col.attnum
                        where fk.contype = 'f' and ns.nspname = 'public' and dst.relname = :target""")
                .bind("target", referenced).mapTo(String.class).list());
    }

    List<Column> all() {
        return columns;
    }

    /** The columns that can hold a user's id, by the rules above. */
    List<Column> holdingUsers(Set<String> chatReferences) {
        return columns.stream().filter(Column::isBigint)
                .filter(column -> USER_NAME.matcher(column.name()).matches() || toUsers.contains(column.id())
                        || (CHAT_NAME.matcher(column.name()).matches() && !toChats.contains(column.id())
                        && !chatReferences.contains(column.id())))
                .collect(Collectors.toList());
    }
}
