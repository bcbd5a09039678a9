package dev.mosaic.adapters.storage.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.adapters.storage.gcs.FakeBucket.StoredObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The JSON API calls google-cloud-storage makes for Mosaic's own reads and writes: bucket metadata, object
 * metadata, media downloads (ranges too), resumable and multipart uploads, compose, delete and list.
 * Anything else answers 501, so a new call shows up as a failing test rather than a silent stub.
 */
final class JsonApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\*|(\\d+)-(\\d+))/(\\*|\\d+)");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private record Session(String name, String contentType, Map<String, String> metadata, ByteArrayOutputStream bytes) {
    }

    private final FakeBucket bucket;
    private final Supplier<URI> endpoint;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    JsonApi(FakeBucket bucket, Supplier<URI> endpoint) {
        this.bucket = bucket;
        this.endpoint = endpoint;
    }

    void handle(Exchange exchange) throws IOException {
        String path = exchange.path().replaceFirst("^/(upload|download)/", "/");
        String bucketPrefix = "/storage/v1/b/" + bucket.name;
        if (!path.startsWith(bucketPrefix)) {
            exchange.jsonError(404, "The specified bucket does not exist.");
            return;
        }
        String rest = path.substring(bucketPrefix.length());
        if (rest.isEmpty() && exchange.method.equals("GET")) {
            exchange.json(200, "{\"kind\": \"storage#bucket\", \"name\": \"" + bucket.name + "\"}");
        } else if (rest.equals("/o") && exchange.method.equals("GET")) {
            list(exchange);
        } else if (rest.equals("/o") && exchange.path().startsWith("/upload/")) {
            upload(exchange);
        } else if (rest.startsWith("/o/") && rest.endsWith("/compose") && exchange.method.equals("POST")) {
            compose(exchange, decode(rest.substring(3, rest.length() - "/compose".length())));
        } else if (rest.startsWith("/o/") && exchange.method.equals("GET")) {
            get(exchange, decode(rest.substring(3)));
        } else if (rest.startsWith("/o/") && exchange.method.equals("DELETE")) {
            if (bucket.delete(decode(rest.substring(3)))) {
                exchange.send(204, null, new byte[0]);
            } else {
                exchange.jsonError(404, "No such object: " + bucket.name + "/" + decode(rest.substring(3)));
            }
        } else {
            exchange.jsonError(501, "the GCS double does not serve " + exchange.method + " " + exchange.url);
        }
    }

    private void get(Exchange exchange, String name) throws IOException {
        Optional<StoredObject> found = bucket.object(name);
        String generation = exchange.query.get("generation");
        if (found.isEmpty() || generation != null && Long.parseLong(generation) != found.get().generation()) {
            exchange.jsonError(404, "No such object: " + bucket.name + "/" + name);
            return;
        }
        StoredObject object = found.get();
        if (!"media".equals(exchange.query.get("alt"))) {
            exchange.json(200, resource(object));
            return;
        }
        exchange.header("x-goog-generation", Long.toString(object.generation()));
        String range = exchange.header("range");
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        if (matcher == null || !matcher.matches()) {
            exchange.send(200, object.contentType(), object.bytes());
            return;
        }
        long from = Long.parseLong(matcher.group(1));
        long to = matcher.group(2).isEmpty() ? object.bytes().length - 1
                : Math.min(Long.parseLong(matcher.group(2)), object.bytes().length - 1);
        if (from >= object.bytes().length) {
            exchange.jsonError(416, "Request range not satisfiable");
            return;
        }
        exchange.header("Content-Range", "bytes " + from + "-" + to + "/" + object.bytes().length);
        exchange.send(206, object.contentType(), Arrays.copyOfRange(object.bytes(), (int) from, (int) to + 1));
    }

    private void list(Exchange exchange) throws IOException {
        String prefix = exchange.query.getOrDefault("prefix", "");
        List<String> items = bucket.objects().stream().filter(object -> object.name().startsWith(prefix))
                .sorted((a, b) -> a.name().compareTo(b.name())).map(this::resource).toList();
        exchange.json(200, "{\"kind\": \"storage#objects\", \"items\": [" + String.join(",", items) + "]}");
    }

    private void compose(Exchange exchange, String target) throws IOException {
        JsonNode request = JSON.readTree(exchange.body);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int count = 0;
        for (JsonNode source : request.path("sourceObjects")) {
            Optional<StoredObject> found = bucket.object(source.path("name").asText());
            if (found.isEmpty() || source.has("generation")
                    && source.path("generation").asLong() != found.get().generation()) {
                exchange.jsonError(404, "No such object: " + source.path("name").asText());
                return;
            }
            joined.writeBytes(found.get().bytes());
            count++;
        }
        if (count == 0 || count > 32) {
            exchange.jsonError(400, "compose takes 1 to 32 source objects, not " + count);
            return;
        }
        JsonNode destination = request.path("destination");
        StoredObject written = bucket.write(target, joined.toByteArray(),
                destination.path("contentType").asText(null), false, metadata(destination));
        exchange.json(200, resource(written));
    }

    private void upload(Exchange exchange) throws IOException {
        String type = exchange.query.getOrDefault("uploadType", "");
        if (exchange.method.equals("POST") && type.equals("resumable")) {
            JsonNode metadata = JSON.readTree(exchange.body.length == 0 ? "{}".getBytes() : exchange.body);
            String id = UUID.randomUUID().toString();
            sessions.put(id, new Session(metadata.path("name").asText(exchange.query.get("name")),
                    metadata.path("contentType").asText(null), metadata(metadata), new ByteArrayOutputStream()));
            exchange.header("Location", endpoint.get() + "/upload/storage/v1/b/" + bucket.name
                    + "/o?uploadType=resumable&upload_id=" + id);
            exchange.send(200, null, new byte[0]);
        } else if (exchange.method.equals("PUT") && exchange.query.containsKey("upload_id")) {
            chunk(exchange, exchange.query.get("upload_id"));
        } else if (exchange.method.equals("POST") && type.equals("multipart")) {
            multipart(exchange);
        } else {
            exchange.jsonError(501, "the GCS double does not serve this upload: " + exchange.url);
        }
    }

    /** One chunk of a resumable upload; the last one (its total known and reached) writes the object. */
    private void chunk(Exchange exchange, String id) throws IOException {
        Session session = sessions.get(id);
        if (session == null) {
            exchange.jsonError(404, "No such upload session");
            return;
        }
        String contentRange = exchange.header("content-range");
        Matcher range = contentRange == null ? null : CONTENT_RANGE.matcher(contentRange);
        if (range == null || !range.matches()) {
            session.bytes().writeBytes(exchange.body);
        } else if (range.group(2) != null) {
            if (Long.parseLong(range.group(2)) != session.bytes().size()) {
                exchange.jsonError(400, "chunk at " + range.group(2) + ", the double holds " + session.bytes().size());
                return;
            }
            session.bytes().writeBytes(exchange.body);
        }
        boolean last = range == null || !range.matches() || !range.group(4).equals("*")
                && Long.parseLong(range.group(4)) == session.bytes().size();
        if (!last) {
            if (session.bytes().size() > 0) {
                exchange.header("Range", "bytes=0-" + (session.bytes().size() - 1));
            }
            exchange.send(308, null, new byte[0]);
            return;
        }
        sessions.remove(id);
        exchange.json(200, resource(bucket.write(session.name(), session.bytes().toByteArray(), session.contentType(),
                true, session.metadata())));
    }

    /** A {@code multipart/related} upload: the metadata, then the bytes. */
    private void multipart(Exchange exchange) throws IOException {
        String contentType = exchange.header("content-type");
        String boundary = "--" + contentType.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String body = new String(exchange.body, StandardCharsets.ISO_8859_1);
        String[] parts = body.split(Pattern.quote(boundary));
        JsonNode metadata = JSON.readTree(parts[1].substring(parts[1].indexOf("\r\n\r\n") + 4).strip());
        String media = parts[2].substring(parts[2].indexOf("\r\n\r\n") + 4);
        byte[] bytes = media.substring(0, media.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
        String name = metadata.path("name").asText(exchange.query.get("name"));
        if ("0".equals(exchange.query.get("ifGenerationMatch")) && bucket.object(name).isPresent()) {
            exchange.jsonError(412, "At least one of the pre-conditions you specified did not hold.");
            return;
        }
        exchange.json(200, resource(bucket.write(name, bytes, metadata.path("contentType").asText(null), true,
                metadata(metadata))));
    }

    private static Map<String, String> metadata(JsonNode resource) {
        Map<String, String> metadata = new HashMap<>();
        resource.path("metadata").fields().forEachRemaining(field -> metadata.put(field.getKey(), field.getValue().asText()));
        return metadata;
    }

    String resource(StoredObject object) {
        CRC32C crc = new CRC32C();
        crc.update(object.bytes());
        String crc32c = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        StringBuilder json = new StringBuilder("{\"kind\": \"storage#object\"")
                .append(", \"bucket\": ").append(Exchange.quote(bucket.name))
                .append(", \"name\": ").append(Exchange.quote(object.name()))
                .append(", \"generation\": \"").append(object.generation()).append('"')
                .append(", \"metageneration\": \"1\"")
                .append(", \"contentType\": ").append(Exchange.quote(object.contentType()))
                .append(", \"size\": \"").append(object.bytes().length).append('"')
                .append(", \"crc32c\": \"").append(crc32c).append('"')
                .append(", \"etag\": \"").append(Long.toHexString(object.generation())).append('"')
                .append(", \"storageClass\": \"STANDARD\"")
                .append(", \"timeCreated\": \"2026-12-05T00:00:00.000Z\", \"updated\": \"2026-12-05T00:00:00.000Z\"");
        object.md5().ifPresent(md5 -> json.append(", \"md5Hash\": \"").append(Base64.getEncoder().encodeToString(md5))
                .append('"'));
        if (!object.metadata().isEmpty()) {
            json.append(", \"metadata\": {").append(String.join(", ", object.metadata().entrySet().stream()
                    .map(e -> Exchange.quote(e.getKey()) + ": " + Exchange.quote(e.getValue())).toList())).append('}');
        }
        return json.append('}').toString();
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
