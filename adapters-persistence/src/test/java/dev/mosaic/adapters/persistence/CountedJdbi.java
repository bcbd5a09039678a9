package dev.mosaic.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A second JDBI on an H2 database already started in {@code folder}, with its own small pool, that counts every
 * statement run on its connections (failed ones too), through JDBI or on plain JDBC ({@link Jdbc}): for the tests
 * that hold a path to its number of round trips.
 */
final class CountedJdbi implements AutoCloseable {
    final AtomicInteger statements = new AtomicInteger();
    final Jdbi jdbi;
    private final HikariDataSource pool;

    CountedJdbi(Path folder) {
        PersistenceSettings settings = H2Stores.settingsIn(folder, 2);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        jdbi = JdbiSetup.create(counting(DataSource.class, pool));
    }

    /**
     * {@code target} behind a proxy of {@code type}: the connections it hands out and their statements are proxied
     * too, and every {@code execute…} call of a statement (a single statement or a whole batch) counts one.
     */
    private <T> T counting(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (target instanceof Statement && method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
            Class<?> returned = method.getReturnType();
            boolean handsOut = returned == Connection.class || Statement.class.isAssignableFrom(returned);
            return handsOut && result != null ? counting(cast(returned), result) : result;
        }));
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> type) {
        return (Class<T>) type;
    }

    @Override
    public void close() {
        pool.close();
    }
}
