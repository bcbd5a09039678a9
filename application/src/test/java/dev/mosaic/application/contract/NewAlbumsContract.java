package dev.mosaic.application.contract;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.UPLOAD_WINDOW;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.application.port.out.NewAlbums.Reserved;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link NewAlbums} must do; subclasses supply a fresh, empty store per test. What a store made is read
 * back through the other ports of the same store.
 */
public abstract class NewAlbumsContract {
    private static final String KEY = "key-1";
    private Ports ports;
    private NewAlbums albums;

    protected abstract Ports newPorts();

    @BeforeEach
    void openStore() {
        ports = newPorts();
        albums = ports.newAlbums();
    }

    @AfterEach
    void closeStore() {
        ports.close();
    }

    /** An album of the reserved ids, from {@code from} to {@code to}, its assets in the order of the ids. */
    private static Message album(NewAlbumIds ids, UserId from, UserId to) {
        var album = message(ids.message().value()).between(from, to);
        for (AssetId id : ids.assets()) {
            album = album.with(asset(id.value()));
        }
        return album.build();
    }

    private Reserved reserve(int assets) {
        return albums.reserve(SENDER, T0.minus(Duration.ofHours(24)), assets);
    }

    @Test
    void aReservationAnswersTheSendersUsageAndDistinctAscendingIds() {
        Reserved first = reserve(3);

        assertThat(first.usage()).isEqualTo(UploadUsage.none());
        assertThat(first.ids().assets()).extracting(AssetId::value).hasSize(3).doesNotHaveDuplicates().isSorted();
        albums.store(album(first.ids(), SENDER, RECEIVER), Optional.empty(),
                new Fact.AlbumSent(album(first.ids(), SENDER, RECEIVER)));

        Reserved second = reserve(2);
        assertThat(second.usage()).isEqualTo(new UploadUsage(3, 3000, Optional.of(T0.plus(UPLOAD_WINDOW)), 1,
                Optional.of(T0)));
        assertThat(second.ids().message()).isNotEqualTo(first.ids().message());
        assertThat(second.ids().assets()).doesNotContainAnyElementsOf(first.ids().assets());
        assertThat(ports.messages().usage(SENDER, T0.minus(Duration.ofHours(24)))).isEqualTo(second.usage());
    }

    @Test
    void aReservationCountsNoAlbumOfAnotherSenderNorOneBeforeTheWindow() {
        Reserved first = reserve(1);
        Message theirs = album(first.ids(), RECEIVER, SENDER);
        albums.store(theirs, Optional.empty(), new Fact.AlbumSent(theirs));

        assertThat(reserve(0).usage()).isEqualTo(UploadUsage.none());
        assertThat(albums.reserve(RECEIVER, T0, 0).usage().albumsInWindow()).as("sent at the window's start").isZero();
        assertThat(albums.reserve(RECEIVER, T0.minusNanos(1_000), 0).usage().albumsInWindow()).isEqualTo(1);
    }

    @Test
    void anAlbumWithoutAssetsStillGetsItsOwnMessageId() {
        Reserved empty = reserve(0);

        assertThat(empty.ids().assets()).isEmpty();
        assertThat(reserve(0).ids().message()).isNotEqualTo(empty.ids().message());
    }

    /** 17 is above the album sizes an adapter may keep a statement of its own for. */
    @ParameterizedTest(name = "{0} assets")
    @ValueSource(ints = {0, 1, 10, 17})
    void aStoredAlbumIsReadableWithItsAssetsAndAnEventForEachOfItsAudience(int assets) {
        Reserved reserved = reserve(assets);
        Message album = album(reserved.ids(), SENDER, RECEIVER);

        albums.store(album, Optional.empty(), new Fact.AlbumSent(album));

        assertThat(ports.messages().byId(album.id())).contains(album);
        assertThat(eventsOf(SENDER)).singleElement().satisfies(logged -> assertThat(logged.sequence()).isEqualTo(1));
        assertThat(eventsOf(RECEIVER)).singleElement().satisfies(logged -> {
            assertThat(logged.sequence()).isEqualTo(1);
            assertThat(logged.fact()).isInstanceOfSatisfying(Fact.AlbumSent.class,
                    sent -> assertThat(sent.message().id()).isEqualTo(album.id()));
        });
    }

    @Test
    void eachAlbumAdvancesEachRecipientsCounterByOneWithoutGaps() {
        ports.eventLog().append(RECEIVER, new Fact.AlbumSent(message(1).build()));
        for (int i = 0; i < 3; i++) {
            Message album = album(reserve(2).ids(), SENDER, RECEIVER);
            albums.store(album, Optional.empty(), new Fact.AlbumSent(album));
        }

        assertThat(eventsOf(SENDER)).extracting(LoggedFact::sequence).containsExactly(1L, 2L, 3L);
        assertThat(eventsOf(RECEIVER)).extracting(LoggedFact::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ports.eventLog().lastSequence(RECEIVER)).isEqualTo(4);
    }

    @Test
    void anAlbumToOneselfIsOneEvent() {
        Message album = album(reserve(2).ids(), SENDER, SENDER);

        albums.store(album, Optional.empty(), new Fact.AlbumSent(album));

        assertThat(ports.messages().byId(album.id())).contains(album);
        assertThat(eventsOf(SENDER)).extracting(LoggedFact::sequence).containsExactly(1L);
    }

    @Test
    void theRequestsIdempotencyKeyIsCompletedWithTheAlbum() {
        assertThat(ports.idempotencyKeys().reserve(SENDER, KEY, "print", T0)).isTrue();
        assertThat(ports.idempotencyKeys().reserve(SENDER, "other", "print", T0)).isTrue();
        Message album = album(reserve(1).ids(), SENDER, RECEIVER);

        albums.store(album, Optional.of(KEY), new Fact.AlbumSent(album));

        assertThat(ports.idempotencyKeys().find(SENDER, KEY)).map(IdempotencyKeys.Entry::message)
                .contains(Optional.of(album.id()));
        assertThat(ports.idempotencyKeys().find(SENDER, "other")).map(IdempotencyKeys.Entry::message)
                .contains(Optional.empty());
    }

    /** A request that took the key over as abandoned while the first one still ran: the first completion stays. */
    @Test
    void aStoreLeavesAKeyAnotherAlbumCompletedAsItWas() {
        ports.idempotencyKeys().reserve(SENDER, KEY, "print", T0);
        Message first = album(reserve(1).ids(), SENDER, RECEIVER);
        albums.store(first, Optional.of(KEY), new Fact.AlbumSent(first));
        Message second = album(reserve(1).ids(), SENDER, RECEIVER);

        albums.store(second, Optional.of(KEY), new Fact.AlbumSent(second));

        assertThat(ports.idempotencyKeys().find(SENDER, KEY)).map(IdempotencyKeys.Entry::message)
                .contains(Optional.of(first.id()));
        assertThat(ports.messages().byId(second.id())).contains(second);
    }

    @Test
    void aStoreWhoseMessageIdIsTakenLeavesNothingBehind() {
        ports.idempotencyKeys().reserve(SENDER, KEY, "print", T0);
        Reserved reserved = reserve(1);
        Message stored = album(reserved.ids(), SENDER, RECEIVER);
        albums.store(stored, Optional.empty(), new Fact.AlbumSent(stored));
        Message again = album(new NewAlbumIds(reserved.ids().message(), reserve(2).ids().assets()), SENDER, RECEIVER);

        assertThatThrownBy(() -> albums.store(again, Optional.of(KEY), new Fact.AlbumSent(again)))
                .isInstanceOf(RuntimeException.class);

        assertNothingOf(again, stored);
    }

    @Test
    void aStoreWhoseAssetIdIsTakenLeavesNothingBehind() {
        ports.idempotencyKeys().reserve(SENDER, KEY, "print", T0);
        Reserved reserved = reserve(1);
        Message stored = album(reserved.ids(), SENDER, RECEIVER);
        albums.store(stored, Optional.empty(), new Fact.AlbumSent(stored));
        MessageId fresh = reserve(1).ids().message();
        AssetId taken = reserved.ids().assets().get(0);
        // the message is new, its first asset too; its second asset's id is the stored album's
        Message failing = new Message(fresh, SENDER, RECEIVER, "clash", T0, List.of(
                asset(reserve(1).ids().assets().get(0).value()).inMessage(fresh.value()).ownedBy(SENDER).build(),
                asset(taken.value()).inMessage(fresh.value()).ownedBy(SENDER).build()));

        assertThatThrownBy(() -> albums.store(failing, Optional.of(KEY), new Fact.AlbumSent(failing)))
                .isInstanceOf(RuntimeException.class);

        assertNothingOf(failing, stored);
        assertThat(ports.messages().byAsset(failing.assets().get(0).id())).as("the album's new asset").isEmpty();
    }

    /** {@code failed} left no trace: no message, no event, no counter advanced, the key not completed. */
    private void assertNothingOf(Message failed, Message stored) {
        assertThat(ports.messages().byId(stored.id())).contains(stored);
        if (!failed.id().equals(stored.id())) {
            assertThat(ports.messages().byId(failed.id())).isEmpty();
        }
        assertThat(ports.messages().byAsset(stored.assets().get(0).id())).contains(stored);
        assertThat(eventsOf(SENDER)).extracting(LoggedFact::sequence).containsExactly(1L);
        assertThat(eventsOf(RECEIVER)).extracting(LoggedFact::sequence).containsExactly(1L);
        assertThat(ports.eventLog().lastSequence(SENDER)).isEqualTo(1);
        assertThat(ports.eventLog().lastSequence(RECEIVER)).isEqualTo(1);
        assertThat(ports.idempotencyKeys().find(SENDER, KEY)).map(IdempotencyKeys.Entry::message)
                .contains(Optional.empty());
        assertThat(ports.messages().usage(SENDER, T0.minus(Duration.ofHours(24))).albumsInWindow()).isEqualTo(1);
        // a store after the failure numbers on from where the counters were
        Message next = album(reserve(1).ids(), SENDER, RECEIVER);
        albums.store(next, Optional.empty(), new Fact.AlbumSent(next));
        assertThat(eventsOf(RECEIVER)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
        assertThat(ports.messages().byId(next.id())).contains(next);
    }

    private List<LoggedFact> eventsOf(UserId user) {
        return ports.eventLog().since(user, 0, 100);
    }
}
