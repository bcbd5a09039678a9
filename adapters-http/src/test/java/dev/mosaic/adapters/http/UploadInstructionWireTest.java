package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch answer's bytes, recorded before upload instructions became one type per mode: they must not move. */
class UploadInstructionWireTest {

    static final String RECORDED = """
            {"message_id":105,"uploads":[{"asset_id":501,"object_key":"raw/1/501/beach.jpg","file_name":"beach.jpg",\
            "kind":"image","mode":"direct","expires_at":"2025-01-01T11:00:00Z","put_url":"https://s3.test/put",\
            "headers":{"Content-Type":"image/jpeg"}},{"asset_id":502,"object_key":"raw/1/502/party.mp4",\
            "file_name":"party.mp4","kind":"video","mode":"multipart","expires_at":"2025-01-01T11:00:00Z",\
            "upload_id":"upload_xyz_123","part_size":5242880,"num_parts":3,"batch":{"items":[{"part_number":1,\
            "url":"https://s3.test/part1","size":5242880},{"part_number":2,"url":"https://s3.test/part2","size":5242880}],\
            "next_part_number":3,"expires_at":"2025-01-01T11:00:00Z"}}],"message":{"message_id":105,"sender_id":1,\
            "receiver_id":42,"text":"Check out the photos from the trip! \uD83C\uDF34","created_at":"2025-01-01T10:00:00Z",\
            "complete":false,"assets":[{"message_id":105,"asset_id":501,"kind":"image","file_name":"beach.jpg",\
            "file_size":3050000,"content_type":"image/jpeg","stage":"uploading","progress":0},{"message_id":105,\
            "asset_id":502,"kind":"video","file_name":"party.mp4","file_size":15000000,"content_type":"video/mp4",\
            "stage":"ready","progress":100,"width":1920,"height":1080,"duration":12.5,"placeholder":"LEHV6nWB2yk8",\
            "thumbnail_url":"https://cdn.test/thumb.webp","preview_url":"https://cdn.test/preview.webp",\
            "playback_url":"https://cdn.test/play.mp4","download_url":"https://cdn.test/raw.mp4"}]}}""";

    private final TestApi api = TestApi.start(new StubUseCases());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theBatchAnswerIsByteForByteTheRecordedOne() {
        assertThat(api.postJson("/api/v1/files/upload/", 1, UploadRoutesTest.GUIDE_BATCH).body()).isEqualTo(RECORDED);
    }
}
