package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ReadQuotaUseCase;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.view.QuotaHeadroom;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UserId;
import java.time.Clock;

/** A user's quota headroom, from the same counts the batch request is checked against. */
public final class ReadQuotaService implements ReadQuotaUseCase {
    private final UploadQuota quota;
    private final Messages messages;
    private final Clock clock;

    public ReadQuotaService(UploadQuota quota, Messages messages, Clock clock) {
        this.quota = quota;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public QuotaHeadroom headroom(UserId user) {
        return QuotaHeadroom.of(messages.usage(user, clock.instant().minus(UploadQuota.WINDOW)), quota);
    }
}
