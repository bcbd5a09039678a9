package dev.mosaic.application.service;

import dev.mosaic.application.port.in.QuotaExceeded;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.domain.QuotaBreach;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A sender's quota, checked on the cheap kept usage ({@link Messages#keptUsage}); only a request it would refuse
 * for its pending uploads reads the usage counted from the assets, which decides, names the earliest deadline for
 * {@code Retry-After}, and repairs kept totals that drifted high (the albums per day are exact in both). Counted from the stored albums, so it holds across nodes and restarts;
 * two requests at the same moment may both pass the last free place.
 */
final class QuotaGuard {
    private final Messages messages;

    QuotaGuard(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param check the domain's check of the request against a usage, e.g. {@code usage -> quota.check(usage, 3, n)}
     * @throws QuotaExceeded with the breach found on the counted usage
     */
    void enforce(UserId sender, Instant now, Function<UploadUsage, Optional<QuotaBreach>> check) {
        Instant windowStart = now.minus(UploadQuota.WINDOW);
        Optional<QuotaBreach> kept = check.apply(messages.keptUsage(sender, windowStart));
        if (kept.isEmpty()) {
            return;
        }
        if (kept.get().quota() == QuotaBreach.Quota.ALBUMS_PER_DAY) {
            // the albums of the window are counted exactly in the kept usage too: nothing to recount
            throw new QuotaExceeded(kept.get());
        }
        check.apply(messages.recountedUsage(sender, windowStart)).ifPresent(breach -> {
            throw new QuotaExceeded(breach);
        });
    }
}
