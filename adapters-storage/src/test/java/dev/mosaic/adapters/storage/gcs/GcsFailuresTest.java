package dev.mosaic.adapters.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.cloud.storage.StorageException;
import org.junit.jupiter.api.Test;

/** The XML API client leaves a failure's code 0: the status and GCS's error code come from its answer. */
class GcsFailuresTest {

    @Test
    void theStatusIsTheAnswersWhenTheClientLeavesTheCodeZero() {
        assertThat(GcsFailures.status(xmlFailure(404, "NoSuchUpload"))).isEqualTo(404);
        assertThat(GcsFailures.status(new StorageException(503, "backend error"))).isEqualTo(503);
        assertThat(GcsFailures.status(new StorageException(0, "connection refused"))).isZero();
    }

    @Test
    void anUploadGcsDoesNotKnowIsNoSuchUploadWhateverTheStatus() {
        assertThat(GcsFailures.isNoSuchUpload(xmlFailure(404, "NoSuchUpload"))).isTrue();
        assertThat(GcsFailures.isNoSuchUpload(xmlFailure(400, "NoSuchUpload"))).isTrue();
        assertThat(GcsFailures.isNoSuchUpload(xmlFailure(400, "InvalidPart"))).isFalse();
        assertThat(GcsFailures.isNoSuchUpload(new StorageException(0, "connection refused"))).isFalse();
    }

    @Test
    void theXmlErrorCodeIsReadFromTheAnswer() {
        assertThat(GcsFailures.hasXmlCode(xmlFailure(400, "InvalidPart"), "InvalidPart")).isTrue();
        assertThat(GcsFailures.hasXmlCode(xmlFailure(400, "EntityTooSmall"), "InvalidPart")).isFalse();
    }

    private static StorageException xmlFailure(int status, String code) {
        HttpResponseException answer = new HttpResponseException.Builder(status, "status " + status, new HttpHeaders())
                .setContent("<?xml version='1.0' encoding='UTF-8'?><Error><Code>" + code + "</Code></Error>").build();
        return new StorageException(0, answer.getMessage(), answer);
    }
}
