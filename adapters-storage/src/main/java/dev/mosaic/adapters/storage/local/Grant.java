package dev.mosaic.adapters.storage.local;

import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one signed URL allows, until {@code expires} (epoch seconds). */
sealed interface Grant {

    ObjectKey key();

    long expires();

    /** The fields the signature covers, the kind of grant first, so no grant passes for another. */
    List<String> signedFields();

    /** The URL's query parameters that carry the grant, besides its expiry and signature. */
    Map<String, String> parameters();

    record PutObject(ObjectKey key, long length, ContentType type, long expires) implements Grant {
        @Override
        public List<String> signedFields() {
            return List.of("PUT object", key.value(), Long.toString(expires), Long.toString(length), type.value());
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(UrlSigner.LENGTH, Long.toString(length));
            parameters.put(UrlSigner.TYPE, type.value());
            return parameters;
        }
    }

    record PutPart(ObjectKey key, String uploadId, int partNumber, long length, long expires) implements Grant {
        @Override
        public List<String> signedFields() {
            return List.of("PUT part", key.value(), Long.toString(expires), Long.toString(length),
                    uploadId, Integer.toString(partNumber));
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(UrlSigner.UPLOAD_ID, uploadId);
            parameters.put(UrlSigner.PART_NUMBER, Integer.toString(partNumber));
            parameters.put(UrlSigner.LENGTH, Long.toString(length));
            return parameters;
        }
    }

    record GetObject(ObjectKey key, ContentType type, Optional<String> attachmentName, long expires)
            implements Grant {
        @Override
        public List<String> signedFields() {
            return List.of("GET object", key.value(), Long.toString(expires), type.value(),
                    attachmentName.map(name -> "attachment " + name).orElse("inline"));
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(UrlSigner.TYPE, type.value());
            attachmentName.ifPresent(name -> parameters.put(UrlSigner.ATTACHMENT, name));
            return parameters;
        }
    }
}
