package dev.mosaic.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.mosaic.bootstrap.RunningMosaic.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same guide, with {@code MOSAIC_STORAGE=gcs} against the GCS test double over HTTP, which checks every
 * V4 signature as GCS does: the client code does not change (a direct PUT sends only {@code Content-Type},
 * a part PUT nothing but its body), only where its PUTs go.
 */
class GuideOnGcsEndToEndTest extends GuideEndToEndTest {

    @TempDir
    static Path keys;
    static GcsBucket gcs;

    @BeforeAll
    static void startGcs() {
        gcs = GcsBucket.start("mosaic-e2e", keys);
    }

    @AfterAll
    static void stopGcs() {
        gcs.close();
    }

    @Override
    Map<String, String> environment() {
        return gcs.environment();
    }

    @Override
    boolean servesNosniff() {
        return false;
    }

    /** The bytes went to GCS, not to a store of Mosaic's own. */
    @AfterEach
    void theUploadsLandedInTheBucket() {
        assertThat(gcs.objectsUnder("")).isPositive();
    }

    /** What the guide's client would see from GCS had it sent something else than it was told. */
    @Test
    void aPutOfAnotherTypeOrLengthOrWithoutItsTypeIsRefusedByGcs() {
        JsonNode pdf = json(server.post("/api/v1/files/upload/", SENDER, guideBatch())).get("uploads").get(2);
        URI putUrl = URI.create(pdf.get("put_url").asText());

        assertThat(put(putUrl, "image/jpeg", itinerary).statusCode()).isEqualTo(403);
        assertThat(put(putUrl, "application/pdf", Arrays.copyOf(itinerary, itinerary.length - 1)).statusCode())
                .isEqualTo(403);
        assertThat(server.send(HttpRequest.newBuilder(putUrl).PUT(HttpRequest.BodyPublishers.ofByteArray(itinerary))
                .build()).statusCode()).isEqualTo(403);
        assertThat(put(putUrl, "application/pdf", itinerary).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> put(URI url, String type, byte[] body) {
        return server.send(HttpRequest.newBuilder(url).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}
