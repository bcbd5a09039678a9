package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.storage.SignedUrlEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Takes signed URLs apart and puts them back together changed, as an attacker would. */
final class SignedUrls {

    private SignedUrls() {
    }

    /** The URL path after {@code /storage/}, as the HTTP adapter hands it to the endpoint. */
    static String pathOf(URI url) {
        String path = url.getPath();
        return path.substring(path.indexOf(SignedUrlEndpoint.PATH_PREFIX) + SignedUrlEndpoint.PATH_PREFIX.length());
    }

    static Map<String, String> queryOf(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    static Map<String, String> queryWith(URI url, String name, String value) {
        Map<String, String> query = queryOf(url);
        query.put(name, value);
        return query;
    }

    static Map<String, String> queryWithout(URI url, String... names) {
        Map<String, String> query = queryOf(url);
        List.of(names).forEach(query::remove);
        return query;
    }

    static URI withQuery(URI url, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(url.toString().substring(0, url.toString().indexOf('?')) + "?" + encoded);
    }

    /** Every regular file under a folder, relative to it: what a refused request must not have left. */
    static List<String> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
