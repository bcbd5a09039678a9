package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a client does, on whichever node it is sent to: send albums, PUT bytes, complete uploads. */
final class Albums {
    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";

    private Albums() {
    }

    static String pdf(String name, long size) {
        return attachment(name, size, PDF, "file");
    }

    static String jpeg(String name, long size) {
        return attachment(name, size, JPEG, "image");
    }

    private static String attachment(String name, long size, String type, String kind) {
        return """
                {"file_name": "%s", "file_size": %d, "content_type": "%s", "kind": "%s"}"""
                .formatted(name, size, type, kind);
    }

    static String album(long receiver, String text, List<String> attachments) {
        return """
                {"receiver_id": %d, "text": "%s", "attachments": [%s]}"""
                .formatted(receiver, text, String.join(", ", attachments));
    }

    /** The batch request; answers the created message with its upload instructions. */
    static JsonNode send(RunningMosaic node, long sender, String album) {
        HttpResponse<String> created = node.post("/api/v1/files/upload/", sender, album);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    /** PUTs a direct upload through {@code via}, whichever node signed its URL, as a load balancer may. */
    static void put(RunningMosaic via, JsonNode instruction, byte[] bytes, String type) {
        HttpResponse<String> put = via.send(HttpRequest.newBuilder(through(via, instruction.get("put_url").asText()))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** PUTs one part of a multipart upload through {@code via}; answers the part's ETag. */
    static String putPart(RunningMosaic via, JsonNode item, byte[] file, long offset) {
        int size = item.get("size").asInt();
        byte[] part = Arrays.copyOfRange(file, (int) offset, (int) offset + size);
        HttpResponse<String> put = via.send(HttpRequest.newBuilder(through(via, item.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(part)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return put.headers().firstValue("ETag").orElseThrow();
    }

    /** GETs a signed download URL through {@code via}. */
    static HttpResponse<byte[]> download(RunningMosaic via, String signedUrl) {
        try {
            return via.client.send(HttpRequest.newBuilder(through(via, signedUrl)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> complete(RunningMosaic node, long user, long assetId) {
        return node.post("/api/v1/files/upload/complete/", user, "{\"asset_id\": " + assetId + "}");
    }

    static HttpResponse<String> completeMultipart(RunningMosaic node, long user, JsonNode instruction,
                                                  List<String> etags) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            parts.add("{\"ETag\": " + quoted(etags.get(i)) + ", \"PartNumber\": " + (i + 1) + "}");
        }
        return node.post("/api/v1/files/upload/complete/", user, """
                {"asset_id": %d, "upload_id": "%s", "parts": [%s]}""".formatted(instruction.get("asset_id").asLong(),
                instruction.get("upload_id").asText(), String.join(", ", parts)));
    }

    static JsonNode message(RunningMosaic node, long user, long messageId) {
        HttpResponse<String> read = node.get("/api/v1/messages/" + messageId, user);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read);
    }

    static List<String> stages(RunningMosaic node, long user, long messageId) {
        List<String> stages = new ArrayList<>();
        message(node, user, messageId).get("assets").forEach(asset -> stages.add(asset.get("stage").asText()));
        return stages;
    }

    private static String quoted(String text) {
        try {
            return RunningMosaic.JSON.writeValueAsString(text);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The same signed URL, sent to another node. */
    private static URI through(RunningMosaic via, String signedUrl) {
        URI signed = URI.create(signedUrl);
        return via.url(signed.getRawPath() + "?" + signed.getRawQuery());
    }
}
