package org.luvhive.core.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;

/**
 * Gives each test class a fresh, migrated PostgreSQL database: one server per test JVM
 * (embedded PostgreSQL 15, or {@code LUVHIVE_TEST_DATABASE_URL} when set), one database
 * per class, dropped after it. Tests receive a {@link TestDatabase} (or the server, a
 * {@link TestPostgresServer}) as a constructor, {@code @BeforeAll} or test parameter.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class SomethingTest {
 *     SomethingTest(TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        TestPostgresServer server = server(context);
        DatabaseUrl url = server.createMigratedDatabase("luvhive_test");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Database database = Database.connect(url, PoolSettings.of(8, "luvhive-test"), registry);
        context.getStore(NAMESPACE).put(TestDatabase.class, new TestDatabase(url, database, registry, server));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase testDatabase = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
        if (testDatabase != null) {
            testDatabase.database().close();
            testDatabase.server().dropDatabase(testDatabase.name());
        }
    }

    /**
     * The class's database, for another extension registered after this one (its
     * {@code beforeAll} runs after this one's).
     */
    public static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getStore(NAMESPACE).get(TestDatabase.class) == null && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        TestDatabase database = classContext.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
        if (database == null) {
            throw new IllegalStateException("no test database: register PostgresExtension before the extension that needs it");
        }
        return database;
    }

    private static TestPostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestPostgresServer.class, type -> TestPostgresServer.start(), TestPostgresServer.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDatabase.class || type == TestPostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == TestPostgresServer.class) {
            return server(extensionContext);
        }
        return database(extensionContext);
    }
}
