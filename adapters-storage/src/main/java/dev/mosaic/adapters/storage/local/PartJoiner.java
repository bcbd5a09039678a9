package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S3's checks at completion, then the join: every planned part listed and uploaded with the planned
 * size (cheap, first), then each part's ETag, hashed while the parts are streamed into the object.
 */
final class PartJoiner {

    private PartJoiner() {
    }

    static Optional<MultipartOutcome.Refused> join(Path folder, UploadPlan.Multipart plan, List<CompletedPart> listed,
                                                   ObjectFiles objects, ObjectKey key, ContentType type)
            throws IOException {
        Map<Integer, String> etags = new HashMap<>();
        listed.forEach(part -> etags.putIfAbsent(part.partNumber(), part.etag()));
        for (UploadPlan.Part part : plan.parts()) {
            Optional<Long> size = sizeOf(MultipartFolders.partOf(folder, part.number()));
            if (!etags.containsKey(part.number()) || size.isEmpty()) {
                return refuse("part_missing", "part " + part.number() + " was not uploaded");
            }
            if (size.get() != part.size()) {
                return refuse("part_size_mismatch",
                        "part " + part.number() + " has " + size.get() + " bytes, the plan says " + part.size());
            }
        }
        Path temp = Files.createTempFile(objects.folderOf(key), "." + ObjectFiles.nameOf(key) + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (UploadPlan.Part part : plan.parts()) {
                    MessageDigest md5 = Streams.md5();
                    try (InputStream in = Files.newInputStream(MultipartFolders.partOf(folder, part.number()))) {
                        Streams.copy(in, out, md5, part.size());
                    }
                    String actual = CompletionRules.normalizeEtag(Streams.quotedEtag(md5));
                    if (!actual.equals(CompletionRules.normalizeEtag(etags.get(part.number())))) {
                        return refuse("etag_mismatch", "part " + part.number() + " has another ETag than listed");
                    }
                }
            }
            objects.moveIntoPlace(temp, key, type);
            return Optional.empty();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Optional<Long> sizeOf(Path part) throws IOException {
        try {
            return Optional.of(Files.size(part));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    private static Optional<MultipartOutcome.Refused> refuse(String code, String detail) {
        return Optional.of(new MultipartOutcome.Refused(new Refusal(code, detail)));
    }
}
