package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.UserId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mosaic's S3-shaped face on its own uploads: S3's XML in and out, Mosaic's use cases behind, problems as JSON. */
class S3FaceRoutesTest {
    static final String FACE = "/api/v1/files/upload/s3/502";

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> post(String path, String body) {
        return api.send(api.authorized(path, 3).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void initiateAnswersTheUploadMosaicStartedWithTheBatch() {
        HttpResponse<String> answer = post(FACE + "/initiate?upload_id=upload_xyz_123", "");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(answer.body()).contains("<InitiateMultipartUploadResult")
                .contains("<Key>raw/1/502/party.mp4</Key>").contains("<UploadId>upload_xyz_123</UploadId>");
        assertThat(stubs.lastSign.get().user()).isEqualTo(UserId.of(3));
        assertThat(stubs.lastSign.get().uploadId()).isEqualTo("upload_xyz_123");
    }

    @Test
    void listPartsAnswersThePartsTheStoreHoldsAsS3Does() {
        HttpResponse<String> answer = api.get(FACE + "/parts?upload_id=upload_xyz_123", 3);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<ListPartsResult").contains("<IsTruncated>false</IsTruncated>")
                .contains("<Part><PartNumber>1</PartNumber><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>"
                        + "<Size>5242880</Size></Part>");
    }

    @Test
    void completeReadsS3sXmlAndCompletesThroughMosaic() {
        HttpResponse<String> answer = post(FACE + "/complete?upload_id=upload_xyz_123&key=raw/1/502/party.mp4", """
                <CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"e1"</ETag></Part>
                <Part><PartNumber>2</PartNumber><ETag>e2</ETag></Part></CompleteMultipartUpload>""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<CompleteMultipartUploadResult").contains("<Location>/api/v1/messages/")
                .contains("<Key>raw/1/502/party.mp4</Key>");
        assertThat(stubs.lastComplete.get().asset().assetId()).isEqualTo(502);
        assertThat(stubs.lastComplete.get().uploadId()).isEqualTo("upload_xyz_123");
        assertThat(stubs.lastComplete.get().parts())
                .containsExactly(new CompletedPart(1, "\"e1\""), new CompletedPart(2, "e2"));
    }

    @Test
    void abortCancelsInMosaicAndAnswersNoContent() {
        HttpResponse<String> answer = api.send(api.authorized(FACE + "?upload_id=upload_xyz_123", 3).DELETE().build());

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(stubs.lastAbort.get().asset().assetId()).isEqualTo(502);
    }

    @Test
    void badXmlAndEntitiesAreRefusedAsProblems() {
        String entity = """
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part></CompleteMultipartUpload>""";
        for (String body : new String[] {"<CompleteMultipartUpload>", "<Other/>", entity,
            "<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>"}) {
            HttpResponse<String> answer = post(FACE + "/complete?upload_id=upload_xyz_123", body);

            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(answer.body()).path("code").asText()).isIn("body_malformed", "part_invalid");
        }
        assertThat(stubs.lastComplete.get()).isNull();
        assertThat(json(post(FACE + "/complete", "<CompleteMultipartUpload/>").body()).path("code").asText())
                .isEqualTo("upload_id_missing");
        assertThat(api.get("/api/v1/files/upload/s3/x/parts", 3).statusCode()).isEqualTo(400);
    }

    @Test
    void aDirectUploadHasNoS3MultipartFace() {
        stubs.signParts = command -> Views.directIssued();

        HttpResponse<String> answer = post(FACE + "/initiate", "");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(json(answer.body()).path("code").asText()).isEqualTo("not_multipart");
    }

    @Test
    void theFaceNeedsTheBearerTokenAsEveryApiCall() {
        HttpResponse<String> answer = api.send(api.request(FACE + "/parts").GET().build());

        assertThat(answer.statusCode()).isEqualTo(401);
    }
}
