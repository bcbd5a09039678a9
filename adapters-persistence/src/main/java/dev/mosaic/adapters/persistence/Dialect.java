package dev.mosaic.adapters.persistence;

import java.util.Locale;

/** The only SQL that differs between the databases we run on. Everything else is portable. */
enum Dialect {
    H2 {
        @Override
        String nextValue(String sequence) {
            return "SELECT NEXT VALUE FOR " + sequence;
        }
    },
    POSTGRESQL {
        @Override
        String nextValue(String sequence) {
            return "SELECT nextval('" + sequence + "')";
        }
    };

    /** A query answering one new value of a sequence created by the migrations. */
    abstract String nextValue(String sequence);

    static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
    }
}
