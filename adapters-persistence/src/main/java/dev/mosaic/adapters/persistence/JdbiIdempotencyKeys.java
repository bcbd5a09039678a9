package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The primary key (user, key) decides races: of two concurrent reservations one insert fails. */
final class JdbiIdempotencyKeys implements IdempotencyKeys {
    /** The column width; longer keys must be refused before they get here. */
    static final int MAX_KEY_LENGTH = 255;

    private final JdbiTransactions transactions;

    JdbiIdempotencyKeys(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean reserve(UserId user, String key, String fingerprint, Instant now) {
        checkKey(key);
        Objects.requireNonNull(fingerprint, "fingerprint");
        return transactions.withHandle(handle -> {
            IdempotencyDao dao = handle.attach(IdempotencyDao.class);
            if (dao.find(user.value(), key).isPresent()) {
                return false;
            }
            return UniqueInsert.attempt(handle,
                    inserting -> inserting.attach(IdempotencyDao.class).insert(user.value(), key, fingerprint, now));
        });
    }

    @Override
    public void complete(UserId user, String key, MessageId message) {
        transactions.withDao(IdempotencyDao.class, dao -> dao.complete(user.value(), key, message.value()));
    }

    @Override
    public void release(UserId user, String key) {
        transactions.withDao(IdempotencyDao.class, dao -> dao.release(user.value(), key));
    }

    @Override
    public Optional<Entry> find(UserId user, String key) {
        return transactions.withDao(IdempotencyDao.class, dao -> dao.find(user.value(), key)).map(row ->
                new Entry(row.fingerprint(), Optional.ofNullable(row.messageId()).map(MessageId::of),
                        row.createdAt()));
    }

    static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has at most " + MAX_KEY_LENGTH + " characters");
        }
    }
}
