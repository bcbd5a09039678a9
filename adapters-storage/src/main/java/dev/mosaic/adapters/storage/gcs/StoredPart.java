package dev.mosaic.adapters.storage.gcs;

import java.util.Optional;

/**
 * One part's temporary object as GCS lists it. {@code md5} is the lower-case hex MD5 GCS keeps for
 * an object uploaded in one request: the XML API answers the part's PUT with it as the {@code ETag}.
 */
record StoredPart(int number, String object, long size, Optional<String> md5, Long generation) {
}
