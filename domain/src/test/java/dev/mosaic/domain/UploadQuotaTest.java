package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.mosaic.domain.QuotaBreach.Quota;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadQuotaTest {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final UploadQuota QUOTA = new UploadQuota(3, 1000, 5);

    static UploadUsage usage(int uploads, long bytes, int albums) {
        return new UploadUsage(uploads, bytes, uploads == 0 ? Optional.empty() : Optional.of(T0.plusSeconds(60)),
                albums, albums == 0 ? Optional.empty() : Optional.of(T0.minusSeconds(3600)));
    }

    @Test
    void anAlbumThatFitsEveryQuotaPasses() {
        assertThat(QUOTA.check(UploadUsage.none(), 3, 1000)).isEmpty();
        assertThat(QUOTA.check(usage(2, 999, 4), 1, 1)).isEmpty();
    }

    @Test
    void aReplacedCellCountsAsOnePendingUploadButNoAlbum() {
        assertThat(QUOTA.checkUploads(usage(2, 0, 5), 1, 1000)).as("a full day of albums").isEmpty();
        assertThat(QUOTA.checkUploads(usage(3, 0, 0), 1, 1)).map(QuotaBreach::quota).contains(Quota.PENDING_UPLOADS);
        assertThat(QUOTA.checkUploads(usage(1, 600, 0), 1, 401)).map(QuotaBreach::quota).contains(Quota.PENDING_BYTES);
    }

    @Test
    void oneUploadTooManyBreachesThePendingUploadsQuotaUntilTheEarliestDeadline() {
        assertThat(QUOTA.check(usage(2, 0, 0), 2, 0)).contains(
                new QuotaBreach(Quota.PENDING_UPLOADS, 3, Optional.of(T0.plusSeconds(60))));
        assertThat(QUOTA.check(UploadUsage.none(), 4, 0)).contains(
                new QuotaBreach(Quota.PENDING_UPLOADS, 3, Optional.empty()));
    }

    @Test
    void oneByteTooManyBreachesThePendingBytesQuota() {
        assertThat(QUOTA.check(usage(1, 600, 0), 1, 401)).contains(
                new QuotaBreach(Quota.PENDING_BYTES, 1000, Optional.of(T0.plusSeconds(60))));
        assertThat(QUOTA.check(usage(1, 600, 0), 1, 400)).isEmpty();
    }

    @Test
    void theAlbumOverTheDailyCountFreesUpADayAfterTheOldestOfTheWindow() {
        assertThat(QUOTA.check(usage(0, 0, 5), 1, 1)).contains(
                new QuotaBreach(Quota.ALBUMS_PER_DAY, 5, Optional.of(T0.minusSeconds(3600).plus(Duration.ofHours(24)))));
    }

    @Test
    void theDailyCountIsCheckedFirst() {
        assertThat(QUOTA.check(usage(3, 1000, 5), 1, 1)).map(QuotaBreach::quota).contains(Quota.ALBUMS_PER_DAY);
        assertThat(QUOTA.check(usage(3, 1000, 4), 1, 1)).map(QuotaBreach::quota).contains(Quota.PENDING_UPLOADS);
    }

    @Test
    void theDetailNamesTheQuotaItsLimitAndWhenRoomFreesUp() {
        assertThat(new QuotaBreach(Quota.PENDING_UPLOADS, 3, Optional.of(T0)).detail())
                .contains("pending_uploads", "at most 3", "complete or cancel", "2026-12-04T10:00:00Z");
        assertThat(new QuotaBreach(Quota.PENDING_BYTES, 1000, Optional.empty()).detail())
                .contains("pending_bytes", "at most 1000").doesNotContain("frees up");
        assertThat(new QuotaBreach(Quota.ALBUMS_PER_DAY, 5, Optional.of(T0)).detail())
                .contains("albums_per_day", "at most 5 albums in 24 hours", "frees up at 2026-12-04T10:00:00Z");
        assertThat(Quota.PENDING_BYTES.wireName()).isEqualTo("pending_bytes");
    }

    @Test
    void quotasAndCountsAreNeverZeroOrNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadQuota(0, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadQuota(1, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadQuota(1, 1, 0));
        assertThat(new UploadQuota(1, 1, 1).maxAlbumsPerDay()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadUsage(-1, 0, Optional.empty(), 0,
                Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadUsage(0, -1, Optional.empty(), 0,
                Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadUsage(0, 0, Optional.empty(), -1,
                Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new UploadUsage(0, 0, null, 0, Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new UploadUsage(0, 0, Optional.empty(), 0, null));
        assertThatNullPointerException().isThrownBy(() -> new QuotaBreach(null, 1, Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new QuotaBreach(Quota.PENDING_BYTES, 1, null));
        assertThat(UploadQuota.defaults()).isEqualTo(new UploadQuota(100, 50L * 1024 * 1024 * 1024, 1000));
    }
}
