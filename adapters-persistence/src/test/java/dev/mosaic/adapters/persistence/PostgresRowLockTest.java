package dev.mosaic.adapters.persistence;

class PostgresRowLockTest extends RowLockChecks {
    private PersistenceSettings database;

    @Override
    protected PersistenceSettings newDatabase(int maxPoolSize) {
        database = PostgresStores.freshDatabase(maxPoolSize);
        return database;
    }

    /** A thread waiting on the server looks busy reading its socket; the server knows who waits for a lock. */
    @Override
    protected boolean waitsForALock(Thread thread) {
        return PostgresStores.sessionsWaitingForALock(database) > 0;
    }
}
