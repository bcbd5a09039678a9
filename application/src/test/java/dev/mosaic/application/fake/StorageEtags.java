package dev.mosaic.application.fake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** ETags as S3 answers them for a single PUT: the quoted hex MD5 of the bytes. */
final class StorageEtags {

    private StorageEtags() {
    }

    static String quotedMd5(byte[] bytes) {
        try {
            return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
