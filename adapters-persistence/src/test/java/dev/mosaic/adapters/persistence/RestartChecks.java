package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.moved;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.Job;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Stage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Everything written before a node stops is there when a node starts again on the same database. */
abstract class RestartChecks {

    /** A new, empty database for this test. */
    protected abstract PersistenceSettings newDatabase(int maxPoolSize);

    @Test
    void messagesStagesJobsEventsAndKeysOutliveARestart() {
        Message album = message(100).with(asset(500), asset(501).video().multipart()).build();
        Asset processed = moved(moved(album.assets().get(0).complete(T0.plusSeconds(3)))
                .thumbnailReady(new Rendition(Rendition.Kind.THUMBNAIL,
                        ObjectKey.derived(SENDER, AssetId.of(500), "thumb.webp"),
                        ContentType.WEBP, 320, 240), MediaInfo.NONE, T0.plusSeconds(4)));
        PersistenceSettings database = newDatabase(4);
        long lastMessageId;
        try (PersistenceAdapter first = PersistenceAdapter.start(database)) {
            first.transactions().run(() -> {
                first.messages().add(album);
                first.jobQueue().enqueue(new Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(500)), T0);
                first.jobQueue().enqueue(new Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(501)), T0);
                first.eventLog().append(RECEIVER, update(100, 500, Stage.UPLOADING));
                first.idempotencyKeys().reserve(SENDER, "k-1", "sha256:aa", T0);
                first.idempotencyKeys().complete(SENDER, "k-1", album.id());
            });
            first.messages().update(processed);
            first.jobQueue().claim("before-restart", T0, Duration.ofSeconds(30)).orElseThrow();
            lastMessageId = first.ids().nextMessageId().value();
        }

        try (PersistenceAdapter second = PersistenceAdapter.start(database)) {
            assertThat(second.messages().byId(MessageId.of(100))).contains(album.withAsset(processed));
            assertThat(second.messages().byAsset(AssetId.of(500)).orElseThrow().assets().get(0).stage())
                    .isEqualTo(Stage.THUMBNAIL_READY);
            assertThat(second.jobQueue().pending()).isEqualTo(2);
            assertThat(second.jobQueue().claim("after-restart", T0, Duration.ofSeconds(30)))
                    .map(claimed -> claimed.job().asset()).contains(AssetId.of(501));
            assertThat(second.jobQueue().claim("after-restart", T0.plusSeconds(31), Duration.ofSeconds(30)))
                    .map(claimed -> claimed.attempt()).contains(2);
            assertThat(second.eventLog().lastSequence(RECEIVER)).isEqualTo(1);
            assertThat(second.eventLog().append(RECEIVER, update(100, 500, Stage.READY))).isEqualTo(2);
            assertThat(second.idempotencyKeys().find(SENDER, "k-1"))
                    .contains(new IdempotencyKeys.Entry("sha256:aa", java.util.Optional.of(album.id()), T0));
            assertThat(second.ids().nextMessageId().value()).isGreaterThan(lastMessageId);
            assertThat(second.messages().conversation(RECEIVER, SENDER, Optional.empty(), 10)).hasSize(1);
        }
    }
}
