package dev.mosaic.adapters.persistence;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** One Jdbi for the adapter: SqlObjects, and instants as UTC timestamps of whole microseconds. */
final class JdbiSetup {

    private JdbiSetup() {
    }

    static Jdbi create(DataSource dataSource) {
        return Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .registerArgument(new InstantArgument())
                .registerColumnMapper(Instant.class, instantColumn());
    }

    /** Both databases keep microseconds; truncating here makes what we compare equal what we stored. */
    static OffsetDateTime toColumn(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static ColumnMapper<Instant> instantColumn() {
        return (results, column, context) -> {
            OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        };
    }

    private static final class InstantArgument extends AbstractArgumentFactory<Instant> {
        InstantArgument() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime column = toColumn(value);
            return (position, statement, context) -> statement.setObject(position, column);
        }
    }
}
