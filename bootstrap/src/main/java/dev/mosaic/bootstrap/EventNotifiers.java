package dev.mosaic.bootstrap;

import dev.mosaic.adapters.notify.InProcessNotifier;
import dev.mosaic.adapters.notify.PostgresNotifier;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * How "these users have new events" reaches the sockets: in-process on one node, through
 * PostgreSQL LISTEN/NOTIFY when nodes share a PostgreSQL database.
 */
interface EventNotifiers extends EventNotifier, AutoCloseable {

    void subscribe(Consumer<Collection<UserId>> subscriber);

    /** Runs after anything that may have lost notifications (a dropped LISTEN connection). */
    void onResync(Runnable hook);

    @Override
    void close();

    static EventNotifiers open(Config config) {
        if (config.isPostgres()) {
            PostgresNotifier postgres = PostgresNotifier.start(config.dbUrl(), config.dbUser(), config.dbPassword());
            return new EventNotifiers() {
                @Override
                public void published(Collection<UserId> recipients) {
                    postgres.published(recipients);
                }

                @Override
                public void subscribe(Consumer<Collection<UserId>> subscriber) {
                    postgres.subscribe(subscriber);
                }

                @Override
                public void onResync(Runnable hook) {
                    postgres.onResync(hook);
                }

                @Override
                public void close() {
                    postgres.close();
                }
            };
        }
        InProcessNotifier local = new InProcessNotifier();
        return new EventNotifiers() {
            @Override
            public void published(Collection<UserId> recipients) {
                local.published(recipients);
            }

            @Override
            public void subscribe(Consumer<Collection<UserId>> subscriber) {
                local.subscribe(subscriber);
            }

            @Override
            public void onResync(Runnable hook) {
                // one process: nothing can be missed between the commit and the signal
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }
}
