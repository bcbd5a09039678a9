package dev.mosaic.application.contract;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.STRANGER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.Messages;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.AssetText;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.FileName;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Replacement;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Messages} must do; subclasses supply a fresh, empty store per test. */
public abstract class MessagesContract {
    private Ports ports;
    private Messages messages;

    protected abstract Ports newPorts();

    @BeforeEach
    void openStore() {
        ports = newPorts();
        messages = ports.messages();
    }

    @AfterEach
    void closeStore() {
        ports.close();
    }

    private Message album() {
        return message(100).withText("Été à Lisboa 🌊 \"quoted\"").with(
                asset(503).withInfo(new MediaInfo(4032, 3024, null, "LEHV6nWB2yk8pyo0adR*.7kCMdnj"))
                        .at(Stage.READY, 100)
                        .withRendition(Rendition.Kind.THUMBNAIL, ContentType.WEBP, 320, 240)
                        .withRendition(Rendition.Kind.PREVIEW, ContentType.JPEG, 1280, 960)
                        .updatedAt(T0.plusNanos(1_000)),
                asset(501).video().multipart().withInfo(new MediaInfo(1920, 1080, 12_345L, null))
                        .at(Stage.TRANSCODING, 42)
                        .withRendition(Rendition.Kind.THUMBNAIL, ContentType.WEBP, 320, 180)
                        .updatedAt(T0.plusSeconds(7).plusNanos(999_000)),
                asset(502).named("report.pdf", new ContentType("application/pdf")).failed("checksum_mismatch")
                        .createdAt(T0.minusSeconds(1)).expiresAt(T0.plus(Duration.ofMinutes(90))),
                asset(504).direct(1).named("tiny", ContentType.OCTET_STREAM)).build();
    }

    @Test
    void aStoredMessageReadsBackWithEveryAssetFieldAndTheAssetOrder() {
        Message album = album();

        messages.add(album);

        assertThat(messages.byId(album.id())).contains(album);
        assertThat(messages.byId(album.id()).orElseThrow().assets())
                .extracting(Asset::id)
                .containsExactly(AssetId.of(503), AssetId.of(501), AssetId.of(502), AssetId.of(504));
    }

    @Test
    void aMessageWithoutTextOrAssetsReadsBackEmpty() {
        Message bare = message(100).withText("").build();

        messages.add(bare);

        assertThat(messages.byId(bare.id())).contains(bare);
    }

    @Test
    void theWholeMessageIsFoundByAnyOfItsAssetsAndObjectKeys() {
        Message album = album();
        messages.add(album);

        for (Asset asset : album.assets()) {
            assertThat(messages.byAsset(asset.id())).contains(album);
            assertThat(messages.byObjectKey(asset.objectKey())).contains(album);
        }
    }

    @Test
    void unknownIdsAndKeysFindNothing() {
        messages.add(album());

        assertThat(messages.byId(MessageId.of(999))).isEmpty();
        assertThat(messages.byAsset(AssetId.of(999))).isEmpty();
        assertThat(messages.byObjectKey(new ObjectKey("raw/1/999/photo.jpg"))).isEmpty();
    }

    @Test
    void aKeyFindsTheAlbumOnlyWhenItIsTheKeyItsAssetHolds() {
        Message album = album();
        messages.add(album);
        ObjectKey held = album.assets().get(1).objectKey();
        String[] segments = held.value().split("/");

        assertThat(messages.byObjectKey(held)).contains(album);
        assertThat(messages.byObjectKey(new ObjectKey(held.value().replace("/501/", "/503/"))))
                .as("another asset of the album named, with this asset's file").isEmpty();
        assertThat(messages.byObjectKey(new ObjectKey(held.value().replace("/501/", "/0501/"))))
                .as("the asset's id written differently").isEmpty();
        assertThat(messages.byObjectKey(new ObjectKey(segments[0] + "/" + segments[1] + "/x501/" + segments[3])))
                .as("no asset id").isEmpty();
        assertThat(messages.byObjectKey(new ObjectKey("raw/a/b/c"))).isEmpty();
        assertThat(messages.byObjectKey(new ObjectKey(segments[0] + "/2/501/" + segments[3])))
                .as("another owner").isEmpty();
        assertThat(messages.byObjectKey(held.sealed())).as("a key of the asset it does not hold").isEmpty();
        assertThat(messages.byObjectKey(held.rendition("thumbnail.webp"))).isEmpty();
    }

    @Test
    void aMessageReusingAnAssetIdIsRefusedAndLeavesNothingBehind() {
        Message first = message(100).with(asset(500)).build();
        messages.add(first);
        Message second = message(101).with(asset(600), asset(500)).build();

        assertThatThrownBy(() -> messages.add(second)).isInstanceOf(RuntimeException.class);

        assertThat(messages.byId(second.id())).isEmpty();
        assertThat(messages.byAsset(AssetId.of(600))).isEmpty();
        assertThat(messages.byObjectKey(first.assets().get(0).objectKey())).contains(first);
    }

    @Test
    void updateStoresTheAssetsNextStateInItsAlbum() {
        Message album = album();
        messages.add(album);
        Asset uploading = album.assets().get(3);
        Asset processed = moved(moved(uploading.complete(T0.plusSeconds(5)))
                .ready(new MediaInfo(10, 20, 3_000L, "abc"), List.of(new Rendition(Rendition.Kind.PLAYBACK,
                        ObjectKey.derived(SENDER, uploading.id(), "play.mp4"), ContentType.MP4, 640, 360)),
                        T0.plusSeconds(6)));

        ports.transactions().run(() -> {
            messages.lockByAsset(uploading.id()).orElseThrow();
            messages.update(processed);
        });

        assertThat(messages.byAsset(uploading.id())).contains(album.withAsset(processed));
    }

    @Test
    void aReplacedCellKeepsItsNewFileItsTextAndTheObjectsItSupersedes() {
        Message album = album();
        messages.add(album);
        Asset ready = moved(moved(album.assets().get(3).complete(T0.plusSeconds(5)))
                .ready(MediaInfo.NONE, List.of(), T0.plusSeconds(6)));
        FileName name = FileName.sanitize("Ça «va».pdf");
        Asset replaced = moved(ready.replace(new Replacement(AssetKind.FILE, name, ContentType.parse("application/pdf")
                .orElseThrow(), ready.objectKey().nextGeneration(name), new UploadPlan.Direct(9), MediaInfo.NONE,
                new AssetText(Optional.of("the «real» one ✓"), Optional.of("an itinerary")), T0.plusSeconds(99)),
                T0.plusSeconds(7)));

        ports.transactions().run(() -> {
            messages.lockByAsset(ready.id()).orElseThrow();
            messages.update(replaced);
        });

        Asset stored = messages.byAsset(ready.id()).orElseThrow().asset(ready.id()).orElseThrow();
        assertThat(stored).isEqualTo(replaced);
        assertThat(stored.superseded()).hasSize(2);
        assertThat(messages.byObjectKey(replaced.objectKey())).contains(messages.byAsset(ready.id()).orElseThrow());
        assertThat(replaced.objectKey().generation()).isEqualTo(1);
        assertThat(messages.byObjectKey(ready.objectKey())).as("the old key names nothing any more").isEmpty();
    }

    @Test
    void updateKeepsAFailureCodeAndTheTimeToTheMicrosecond() {
        Message album = album();
        messages.add(album);
        Asset transcoding = album.assets().get(1);
        Asset failed = moved(transcoding.fail("transcode_failed", transcoding.updatedAt().plusNanos(1_000)));

        ports.transactions().run(() -> messages.update(failed));

        Asset stored = messages.byAsset(transcoding.id()).orElseThrow().asset(transcoding.id()).orElseThrow();
        assertThat(stored).isEqualTo(failed);
        assertThat(stored.failureCode()).contains("transcode_failed");
        assertThat(stored.updatedAt()).isEqualTo(transcoding.updatedAt().plusNanos(1_000));
    }

    @Test
    void changesMadeUnderTheAlbumsLockAreNeverLost() throws Exception {
        Message album = message(310).with(asset(611).video().multipart().at(Stage.TRANSCODING, 0)).build();
        ports.transactions().run(() -> messages.add(album));
        AssetId id = AssetId.of(611);
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> ports.transactions().run(() -> {
                    Asset current = messages.lockByAsset(id).orElseThrow().asset(id).orElseThrow();
                    pause(20);
                    messages.update(moved(current.transcoding(current.progress() + 1, T0.plusSeconds(1))));
                })));
            }
            for (java.util.concurrent.Future<?> writer : done) {
                writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(messages.byAsset(id).orElseThrow().asset(id).orElseThrow().progress()).isEqualTo(writers);
    }

    @Test
    void aConversationListsBothDirectionsNewestFirstInPages() {
        for (long id = 101; id <= 105; id++) {
            var fixture = message(id).with(asset(id * 10)).createdAt(T0.plusSeconds(id));
            messages.add((id % 2 == 0 ? fixture.between(RECEIVER, SENDER) : fixture).build());
        }
        messages.add(message(106).between(SENDER, STRANGER).with(asset(1060)).build());
        messages.add(message(107).between(STRANGER, RECEIVER).build());

        List<Message> firstPage = messages.conversation(SENDER, RECEIVER, Optional.empty(), 3);
        List<Message> secondPage = messages.conversation(RECEIVER, SENDER, Optional.of(MessageId.of(103)), 3);

        assertThat(firstPage).extracting(message -> message.id().value()).containsExactly(105L, 104L, 103L);
        assertThat(secondPage).extracting(message -> message.id().value()).containsExactly(102L, 101L);
        assertThat(firstPage.get(1)).isEqualTo(messages.byId(MessageId.of(104)).orElseThrow());
        assertThat(firstPage.get(1).assets()).hasSize(1);
        assertThat(messages.conversation(SENDER, RECEIVER, Optional.of(MessageId.of(101)), 3)).isEmpty();
    }

    @Test
    void aConversationWithOneselfHoldsOnlyMessagesToOneself() {
        messages.add(message(100).between(SENDER, SENDER).build());
        messages.add(message(101).between(SENDER, RECEIVER).build());

        assertThat(messages.conversation(SENDER, SENDER, Optional.empty(), 10))
                .extracting(Message::id).containsExactly(MessageId.of(100));
    }

    @Test
    void usageCountsTheSendersPendingUploadsAndTheAlbumsOfTheWindow() {
        Instant deadline = T0.plus(Duration.ofMinutes(20));
        messages.add(message(100).createdAt(T0.minus(Duration.ofHours(30))).with(
                asset(500).direct(7_000).expiresAt(deadline.plusSeconds(5))).build());
        messages.add(message(101).createdAt(T0.minus(Duration.ofHours(2))).with(
                asset(501).multipart(), asset(502).direct(10).expiresAt(deadline),
                asset(503).at(Stage.PROCESSING, 0), asset(504).at(Stage.CANCELLED, 0)).build());
        messages.add(message(102).createdAt(T0).with(asset(505).at(Stage.READY, 100)).build());
        messages.add(message(103).between(RECEIVER, SENDER).createdAt(T0).with(asset(506).direct(99)).build());

        UploadUsage usage = messages.usage(SENDER, T0.minus(Duration.ofHours(24)));

        assertThat(usage).isEqualTo(new UploadUsage(3, 7_000 + 12 * 1024 * 1024 + 10, Optional.of(deadline), 2,
                Optional.of(T0.minus(Duration.ofHours(2)))));
        assertThat(messages.usage(STRANGER, T0.minus(Duration.ofHours(24)))).isEqualTo(UploadUsage.none());
        assertThat(messages.usage(SENDER, T0).albumsInWindow()).isZero();
    }

    @Test
    void expiredUploadsAreThoseStillUploadingPastTheirDeadlineOldestFirst() {
        Instant now = T0.plus(Duration.ofHours(3));
        messages.add(message(100).with(
                asset(500).expiresAt(now.minusSeconds(10)),
                asset(501).expiresAt(now.minus(Duration.ofHours(1))),
                asset(502).expiresAt(now),
                asset(503).expiresAt(now.plusSeconds(1)),
                asset(504).expiresAt(now.minus(Duration.ofHours(2))).at(Stage.PROCESSING, 0)).build());
        messages.add(message(101).with(asset(510).expiresAt(now.minusNanos(1_000)),
                asset(511).multipart().expiresAt(now.minus(Duration.ofMinutes(30)))).build());

        assertThat(messages.uploadsExpiredAt(now, 10)).extracting(asset -> asset.id().value())
                .containsExactly(501L, 511L, 500L, 510L);
        assertThat(messages.uploadsExpiredAt(now, 2)).extracting(asset -> asset.id().value())
                .containsExactly(501L, 511L);
        assertThat(messages.uploadsExpiredAt(now, 10).get(1))
                .isEqualTo(messages.byAsset(AssetId.of(511)).orElseThrow().assets().get(1));
    }

    @Test
    void anAssetPastItsUploadWaitsForASweepUntilSweptAsOfItsLastChange() {
        Message album = message(100).with(asset(500), asset(501), asset(502)).build();
        messages.add(album);
        Instant cancelledAt = T0.plusSeconds(60);
        Asset cancelled = album.assets().get(0).cancel(cancelledAt).asset();
        Asset processing = album.assets().get(1).complete(cancelledAt.plusSeconds(5)).asset();
        ports.transactions().run(() -> {
            messages.update(cancelled);
            messages.update(processing);
            messages.update(asset(502).inMessage(100).updatedAt(cancelledAt.minusSeconds(1)).build());
        });

        assertThat(messages.unsweptBefore(cancelledAt, 10)).isEmpty();
        assertThat(messages.unsweptBefore(cancelledAt.plusSeconds(1), 10)).containsExactly(cancelled);
        assertThat(messages.unsweptBefore(cancelledAt.plusSeconds(6), 10)).containsExactly(cancelled, processing);
        assertThat(messages.unsweptBefore(cancelledAt.plusSeconds(6), 1)).containsExactly(cancelled);

        Asset ready = processing.ready(MediaInfo.NONE, List.of(), cancelledAt.plusSeconds(9)).asset();
        ports.transactions().run(() -> messages.update(ready));
        messages.swept(processing);
        messages.swept(cancelled);

        assertThat(messages.unsweptBefore(cancelledAt.plusSeconds(60), 10))
                .as("a sweep of an older state leaves the newer one waiting").containsExactly(ready);
        messages.swept(ready);
        assertThat(messages.unsweptBefore(cancelledAt.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void aSweepThatFailedWaitsBehindTheOthersUntilTheAssetChanges() {
        Message album = message(100).with(asset(500), asset(501)).build();
        messages.add(album);
        Asset first = album.assets().get(0).cancel(T0.plusSeconds(10)).asset();
        Asset second = album.assets().get(1).cancel(T0.plusSeconds(20)).asset();
        ports.transactions().run(() -> {
            messages.update(first);
            messages.update(second);
        });

        messages.sweepLater(first, T0.plusSeconds(30));

        assertThat(messages.unsweptBefore(T0.plusSeconds(25), 10)).containsExactly(second);
        assertThat(messages.unsweptBefore(T0.plusSeconds(31), 10)).containsExactly(second, first);
        messages.swept(first);
        assertThat(messages.unsweptBefore(T0.plusSeconds(31), 10)).as("swept as of the state that failed")
                .containsExactly(second);

        FileName name = FileName.sanitize("b.jpg");
        Asset retried = moved(first.replace(new Replacement(AssetKind.IMAGE, name, ContentType.JPEG,
                first.objectKey().nextGeneration(name), new UploadPlan.Direct(1000), MediaInfo.NONE,
                AssetText.NONE, T0.plusSeconds(3600)), T0.plusSeconds(40)));
        ports.transactions().run(() -> messages.update(retried));
        messages.sweepLater(first, T0.plusSeconds(50));
        messages.sweepLater(retried, T0.plusSeconds(50));
        assertThat(messages.unsweptBefore(T0.plusSeconds(3600), 10)).as("an upload is never swept")
                .containsExactly(second);
    }

    @Test
    void aRetiredUploadWaitsUntilItIsForgottenAndIsRetiredAgainWithALaterTime() {
        Messages.RetiredUpload single = new Messages.RetiredUpload(new ObjectKey("raw/1/500/a.jpg"),
                Optional.empty(), T0.plusSeconds(10));
        Messages.RetiredUpload multipart = new Messages.RetiredUpload(new ObjectKey("raw/1/501/_r1-v.mp4"),
                Optional.of("upload-7"), T0.plusSeconds(5));
        ports.transactions().run(() -> {
            messages.retire(single);
            messages.retire(multipart);
        });

        assertThat(messages.retiredBefore(T0.plusSeconds(5), 10)).isEmpty();
        assertThat(messages.retiredBefore(T0.plusSeconds(11), 10)).containsExactly(multipart, single);
        assertThat(messages.retiredBefore(T0.plusSeconds(11), 1)).containsExactly(multipart);

        messages.retire(multipart.at(T0.plusSeconds(20)));
        assertThat(messages.retiredBefore(T0.plusSeconds(11), 10)).containsExactly(single);
        assertThat(messages.retiredBefore(T0.plusSeconds(21), 10))
                .containsExactly(single, multipart.at(T0.plusSeconds(20)));

        messages.forget(single);
        assertThat(messages.retiredBefore(T0.plusSeconds(21), 10)).containsExactly(multipart.at(T0.plusSeconds(20)));
    }

    @Test
    void writesInsideATransactionAreVisibleWithinIt() {
        Message album = album();

        Optional<Message> seen = ports.transactions().inTransaction(() -> {
            messages.add(album);
            return messages.byAsset(AssetId.of(501));
        });

        assertThat(seen).contains(album);
        assertThat(messages.byId(album.id())).contains(album);
    }

    @Test
    void lockingAnAlbumMakesAConcurrentChangerWaitAndSeeTheCommittedChange() throws Exception {
        Message album = message(300).with(asset(601), asset(602)).build();
        ports.transactions().run(() -> messages.add(album));
        Asset first = album.assets().get(0);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Stage> seenByOther = other.submit(() -> {
                locked.await();
                return ports.transactions().inTransaction(() -> messages.lockByAsset(AssetId.of(602)).orElseThrow()
                        .assets().get(0).stage());
            });
            ports.transactions().run(() -> {
                assertThat(messages.lockByAsset(first.id())).isPresent();
                locked.countDown();
                pause(300);
                messages.update(moved(first.cancel(T0.plusSeconds(1))));
            });
            assertThat(seenByOther.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Stage.CANCELLED);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void lockingAnUnknownAssetFindsNothing() {
        assertThat(ports.transactions().inTransaction(() -> messages.lockByAsset(AssetId.of(999)))).isEmpty();
    }

    private static Asset moved(dev.mosaic.domain.AssetMove move) {
        assertThat(move).isInstanceOf(dev.mosaic.domain.AssetMove.Moved.class);
        return move.asset();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
