package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.contract.ObjectStorageContract.Fetched;
import dev.mosaic.application.contract.ObjectStorageContract.Uploader;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The guide's browser in a test: real HTTP PUTs and GETs of the store's signed URLs. */
public final class HttpUploader implements Uploader {

    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public String put(SignedRequest request, byte[] bytes) {
        return etagOf(put(request.url(), bytes, request.headers()));
    }

    /** Like a sliced browser Blob: a part PUT carries no Content-Type. */
    @Override
    public String putPart(SignedPart part, byte[] bytes) {
        return etagOf(put(part.url(), bytes, Map.of()));
    }

    @Override
    public Fetched get(URI url) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return new Fetched(response.body(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Content-Disposition"));
    }

    public HttpResponse<byte[]> put(URI url, byte[] bytes, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String etagOf(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("PUT answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }
}
