package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A download is served with its declared type only when browsers merely display that type, on every store. */
class DownloadTypesTest {
    final FakeWorld world = new FakeWorld();

    @ParameterizedTest
    @CsvSource({
        "style.css, text/css, application/octet-stream",
        "app.js, application/x-javascript, application/octet-stream",
        "old.js, text/x-javascript, application/octet-stream",
        "page.html, text/html, application/octet-stream",
        "notes.txt, text/plain, text/plain",
        "song.mp3, audio/mpeg, audio/mpeg"})
    void theDownloadUrlServesOnlyAllowlistedTypesAsThemselves(String name, String declared, String served) {
        AlbumCreated album = world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, "",
                List.of(Attachment.of(name, 10, declared, "file")), null));
        var upload = album.uploads().get(0);
        world.storage.upload(new ObjectKey(upload.objectKey()), new byte[10], new ContentType(declared));
        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(upload.assetId(), null), null, null));
        world.runJobs();

        AssetView ready = world.services.readMessages().get(SENDER, MessageId.of(album.messageId())).assets().get(0);

        assertThat(ready.stage()).isEqualTo("ready");
        assertThat(ready.contentType()).isEqualTo(declared);
        assertThat(ready.downloadUrl()).contains("type=" + served.replace("/", "%2F"));
    }
}
