package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.PartsCheck;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The join of a claimed upload folder: the planned parts are streamed into the object once, hashed on
 * the way as S3 would have hashed them at upload, then held against the plan by the one part check
 * every store uses ({@link CompletionRules#checkUploaded}); the object appears only when they pass.
 */
final class PartJoiner {

    private PartJoiner() {
    }

    static Optional<MultipartOutcome.Refused> join(Path folder, UploadPlan.Multipart plan, List<CompletedPart> listed,
                                                   ObjectFiles objects, ObjectKey key, ContentType type)
            throws IOException {
        Path temp = Files.createTempFile(objects.folderOf(key), "." + ObjectFiles.nameOf(key) + ".", ".tmp");
        try {
            Map<Integer, UploadedPart> held = new TreeMap<>();
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (UploadPlan.Part part : plan.parts()) {
                    Path file = MultipartFolders.partOf(folder, part.number());
                    if (Files.exists(file)) {
                        held.put(part.number(), copy(file, out, part.number()));
                    }
                }
            }
            if (CompletionRules.checkUploaded(plan, listed, held) instanceof PartsCheck.Refused refused) {
                return Optional.of(new MultipartOutcome.Refused(refused.refusal()));
            }
            objects.moveIntoPlace(temp, key, type);
            return Optional.empty();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static UploadedPart copy(Path file, OutputStream out, int number) throws IOException {
        MessageDigest md5 = Streams.md5();
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Streams.copy(in, out, md5, Files.size(file));
        }
        return new UploadedPart(number, size, Streams.quotedEtag(md5));
    }
}
