package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trouble that is not the file's fault is thrown, so the job is tried again; it is never a refusal. */
class FailuresTest {
    @TempDir
    Path root;

    @Test
    void runningOutOfMemoryIsAPassingTroubleNotAnError() throws IOException {
        MediaProcessor processor = processorWriting((image, file) -> {
            throw new OutOfMemoryError("Java heap space");
        });

        assertThatThrownBy(() -> run(processor, MediaListener.IGNORE))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aFullDiskIsAPassingTrouble() throws IOException {
        MediaProcessor processor = processorWriting((image, file) -> {
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> run(processor, MediaListener.IGNORE)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("No space left on device");
    }

    @Test
    void aListenerFailureComesBackToTheCallerAsItIs() throws IOException {
        MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Clips.searchPath());
        IllegalStateException storeDown = new IllegalStateException("object store unreachable");
        MediaListener failing = new MediaListener() {
            @Override
            public void thumbnail(RenditionFile thumbnail, MediaInfo info) {
                throw storeDown;
            }

            @Override
            public void progress(int percent) {
            }
        };

        assertThatThrownBy(() -> run(processor, failing)).isSameAs(storeDown);
    }

    private Object run(MediaProcessor processor, MediaListener listener) throws IOException {
        Path input = Files.write(root.resolve("upload"), Images.jpeg(Images.photo(400, 300)));
        Path workDir = Files.createDirectories(root.resolve("work"));
        return processor.process(new MediaJob(AssetKind.IMAGE, ContentType.JPEG), input, workDir, listener);
    }

    private static MediaProcessor processorWriting(Writer writer) {
        ImageEncoder encoder = new ImageEncoder() {
            @Override
            public ContentType contentType() {
                return ContentType.WEBP;
            }

            @Override
            public String extension() {
                return "webp";
            }

            @Override
            public void write(BufferedImage image, Path file) throws IOException {
                writer.write(image, file);
            }
        };
        return new MediaProcessorByKind(new ImageProcessor(MediaSettings.defaults(), new DecodeGate(1), encoder));
    }

    @FunctionalInterface
    private interface Writer {
        void write(BufferedImage image, Path file) throws IOException;
    }
}
