package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.MediaInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other files, and videos where there is no ffmpeg, are only checked against their declared type. */
class OtherKindsTest {
    private static final MediaProcessor PROCESSOR = MediaProcessors.create(MediaSettings.defaults(), Clips.noPath(),
            warning -> { });

    @TempDir
    Path root;

    @Test
    void anMp4DeclaredAsVideoPassesWithNothingMade() {
        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.VIDEO, "video/mp4", isoFile("isom"));

        assertThat(result.processed().info()).isEqualTo(MediaInfo.NONE);
        assertThat(result.processed().renditions()).isEmpty();
        assertThat(result.listener().thumbnails()).isEmpty();
    }

    @Test
    void aQuickTimeMovieDeclaredAsVideoPasses() {
        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.VIDEO, "video/quicktime",
                isoFile("qt  "));

        assertThat(result.processed().renditions()).isEmpty();
    }

    @Test
    void aPageDeclaredAsVideoIsAMismatch() {
        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.VIDEO, "video/mp4",
                HostileCorpus.load(HostileCorpus.HTML_PAGE));

        assertThat(result.refusalCode()).isEqualTo("content_type_mismatch");
    }

    @Test
    void aJpegDeclaredAsVideoIsAMismatch() {
        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.VIDEO, "video/mp4",
                Images.jpeg(Images.photo(20, 20)));

        assertThat(result.refusalCode()).isEqualTo("content_type_mismatch");
    }

    @Test
    void aPdfDeclaredAsPdfPasses() {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.FILE, "application/pdf", pdf);

        assertThat(result.processed().info()).isEqualTo(MediaInfo.NONE);
        assertThat(result.processed().renditions()).isEmpty();
    }

    @Test
    void aPageDeclaredAsPdfIsAMismatch() {
        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.FILE, "application/pdf",
                HostileCorpus.load(HostileCorpus.HTML_PAGE));

        assertThat(result.refusalCode()).isEqualTo("content_type_mismatch");
    }

    @Test
    void otherFilesAreNotJudgedByTheirBytes() {
        Uploads.Result result = new Uploads(root).process(PROCESSOR, AssetKind.FILE, "application/zip",
                HostileCorpus.load(HostileCorpus.HTML_PAGE));

        assertThat(result.processed().renditions()).isEmpty();
    }

    private static byte[] isoFile(String brand) {
        return ByteBuffer.allocate(64).putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII))
                .put(brand.getBytes(StandardCharsets.US_ASCII)).array();
    }
}
