package org.luvhive.core.backup.internal;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What verify and restore ask of the server (create runs on a plain {@code DumpSession}):
 * the version, the tables to count, and creating, renaming and dropping restore targets
 * and scratch databases. Identifiers go
 * in through {@code @Define} already quoted ({@link #quote}); everything else is bound.
 */
public interface BackupDao {

    /** The tables to count; also run by {@code DumpSession}, on create's own connection. */
    String USER_TABLES = "select n.nspname || '.' || c.relname as name, "
            + "quote_ident(n.nspname) || '.' || quote_ident(c.relname) as quoted, "
            + "pg_total_relation_size(c.oid) as bytes "
            + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            + "where c.relkind in ('r', 'p') and n.nspname = 'public' order by 1";

    /**
     * The connected database's identity: the cluster's system identifier (as text: a 64-bit
     * number), the database's name and oid.
     */
    String IDENTITY = "select (select system_identifier::text from pg_control_system()), current_database(), "
            + "(select oid from pg_database where datname = current_database())";

    @SqlQuery("select current_setting('server_version_num')::int")
    int serverVersionNumber();

    @SqlQuery(USER_TABLES)
    @RegisterConstructorMapper(UserTable.class)
    List<UserTable> userTables();

    @SqlQuery("select count(*) from <table>")
    long countRows(@Define("table") String quotedTable);

    @SqlQuery("select exists (select 1 from pg_database where datname = :name)")
    boolean databaseExists(@Bind("name") String name);

    @SqlQuery("select pg_encoding_to_char(encoding) as encoding, datcollate as collate, datctype as ctype "
            + "from pg_database where datname = current_database()")
    @RegisterConstructorMapper(DatabaseLocale.class)
    DatabaseLocale currentLocale();

    @SqlUpdate("create database <name> template template0 encoding <encoding> lc_collate <collate> lc_ctype <ctype>")
    void createDatabase(@Define("name") String quotedName, @Define("encoding") String encodingLiteral,
                        @Define("collate") String collateLiteral, @Define("ctype") String ctypeLiteral);

    @SqlUpdate("drop database if exists <name> with (force)")
    void dropDatabase(@Define("name") String quotedName);

    /** Needs no session on either name: the restore has closed its own. */
    @SqlUpdate("alter database <from> rename to <to>")
    void renameDatabase(@Define("from") String quotedFrom, @Define("to") String quotedTo);

    @SqlQuery("select current_user")
    String currentUser();

    /** Databases whose name starts with {@code prefix} (a plain name, no LIKE wildcards but _), with their sessions. */
    @SqlQuery("select d.datname as name, (select count(*) from pg_stat_activity a where a.datid = d.oid) as sessions "
            + "from pg_database d where starts_with(d.datname, :prefix) order by 1")
    @RegisterConstructorMapper(NamedDatabase.class)
    List<NamedDatabase> databasesStartingWith(@Bind("prefix") String prefix);

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * A table to count.
     *
     * @param name   schema.table, for people
     * @param quoted the same, quoted for SQL
     * @param bytes  its total size on disk
     */
    record UserTable(String name, String quoted, long bytes) {
    }

    /**
     * A database and how many sessions it has now.
     *
     * @param name     its name
     * @param sessions backends connected to it
     */
    record NamedDatabase(String name, long sessions) {
    }

    /**
     * A database's encoding and locale, for creating a restore target like it.
     *
     * @param encoding e.g. UTF8
     * @param collate  LC_COLLATE
     * @param ctype    LC_CTYPE
     */
    record DatabaseLocale(String encoding, String collate, String ctype) {
    }
}
