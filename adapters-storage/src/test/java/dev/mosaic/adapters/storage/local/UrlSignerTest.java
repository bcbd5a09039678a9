package dev.mosaic.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Signed URLs byte for byte as they were signed before the signer was made cheaper (issue 15): they must not move. */
class UrlSignerTest {

    private static final long EXPIRES = 1_735_729_200L;
    private static final String PUT_OBJECT = "https://mosaic.test/storage/raw/1/501/beach.jpg?length=3050000"
            + "&type=image%2Fjpeg&expires=1735729200&signature=dWUr4Ai3iW8vGV5ClOFx8DlVJKD9lGlkZ2qA_Yt0x8I";
    private static final String PUT_PART = "https://mosaic.test/storage/raw/1/502/party.mp4"
            + "?upload_id=AbC-_09xyzAbC-_09xyzAbC1&part_number=3&length=5242880&expires=1735729200"
            + "&signature=UlKP-Jy-0YGdjgiANvRBuL_IslhRM_9hZCEWCxrSUPk";
    private static final String GET_ATTACHMENT = "https://mosaic.test/storage/raw/1/503/report.pdf"
            + "?type=application%2Fpdf&attachment=Ot%C4%8D%D1%91t%20%222024%22%20%2B%20notes.pdf&expires=1735729200"
            + "&signature=bWjb1P83rtb4BSNWjC27BsA1bE6iO4M-y-YvTrdAZeU";

    private final UrlSigner signer = new UrlSigner(
            "a signing key of at least 32 bytes, for tests".getBytes(StandardCharsets.UTF_8),
            URI.create("https://mosaic.test/"), Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC));

    private final Grant putObject = new Grant.PutObject(new ObjectKey("raw/1/501/beach.jpg"), 3_050_000,
            ContentType.JPEG, EXPIRES);
    private final Grant putPart = new Grant.PutPart(new ObjectKey("raw/1/502/party.mp4"), "AbC-_09xyzAbC-_09xyzAbC1",
            3, 5_242_880, EXPIRES);
    private final Grant getAttachment = new Grant.GetObject(new ObjectKey("raw/1/503/report.pdf"),
            new ContentType("application/pdf"), Optional.of("Otčёt \"2024\" + notes.pdf"), EXPIRES);

    @Test
    void signedUrlsAreTheOnesSignedBefore() {
        assertThat(signer.location(putObject)).isEqualTo(PUT_OBJECT);
        assertThat(signer.location(putPart)).isEqualTo(PUT_PART);
        assertThat(signer.location(getAttachment)).isEqualTo(GET_ATTACHMENT);
        assertThat(signer.sign(getAttachment)).isEqualTo(URI.create(GET_ATTACHMENT));
    }

    @Test
    void aThreadSigningAgainAndManyThreadsAtOnceSignAlike() throws Exception {
        assertThat(signer.location(putPart)).isEqualTo(signer.location(putPart)).isEqualTo(PUT_PART);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> signed = IntStream.range(0, 8)
                    .mapToObj(n -> threads.submit(() -> IntStream.range(0, 500)
                            .mapToObj(i -> signer.location(i % 2 == 0 ? putObject : putPart)).distinct().toList()))
                    .toList();
            for (Future<List<String>> urls : signed) {
                assertThat(urls.get()).containsExactly(PUT_OBJECT, PUT_PART);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
