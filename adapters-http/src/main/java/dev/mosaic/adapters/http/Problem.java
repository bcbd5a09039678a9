package dev.mosaic.adapters.http;

import io.javalin.http.HttpStatus;

/** An RFC 9457 problem document; {@code code} is the stable, machine-readable part. */
record Problem(String type, String title, int status, String detail, String code) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:mosaic:problem:";

    static Problem of(int status, String code, String detail) {
        return new Problem(TYPE_PREFIX + code, HttpStatus.forStatus(status).getMessage(), status, detail, code);
    }
}
