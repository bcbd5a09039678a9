package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.adapters.storage.gcs.FakeBucket.StoredObject;
import dev.mosaic.adapters.storage.gcs.FakeBucket.StoredPart;
import dev.mosaic.adapters.storage.gcs.FakeBucket.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The XML API: requests to V4 signed URLs (object PUT and GET, and part PUTs of a multipart upload), and
 * the server's own multipart calls with its OAuth token (initiate, list parts, complete, abort). A signed
 * request must match its signature over every signed header as it arrives, the {@code Content-Length} of
 * its body included, and must not be expired; otherwise {@code 403 SignatureDoesNotMatch} or {@code 400}.
 */
final class XmlApi {

    static final long MIN_PART = 5L * 1024 * 1024;
    private static final long MAX_EXPIRES = 7 * 24 * 3600;

    private final FakeBucket bucket;
    private final PublicKey signer;

    XmlApi(FakeBucket bucket, PublicKey signer) {
        this.bucket = bucket;
        this.signer = signer;
    }

    void handle(Exchange exchange, boolean bearer) throws IOException {
        String path = exchange.path();
        int slash = path.indexOf('/', 1);
        if (slash < 0 || !path.substring(1, slash).equals(bucket.name)) {
            exchange.xmlError(404, "NoSuchBucket", "The specified bucket does not exist.");
            return;
        }
        String key = URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (exchange.query.containsKey("X-Goog-Signature")) {
            signed(exchange, key);
        } else if (!bearer) {
            exchange.xmlError(403, "AccessDenied", "Anonymous caller does not have storage.objects access.");
        } else if (exchange.method.equals("POST") && exchange.query.containsKey("uploads")) {
            String uploadId = bucket.startUpload(key, exchange.header("content-type"));
            exchange.xml(200, "<InitiateMultipartUploadResult><Bucket>" + bucket.name + "</Bucket><Key>"
                    + Exchange.escape(key) + "</Key><UploadId>" + uploadId + "</UploadId></InitiateMultipartUploadResult>");
        } else if (exchange.query.containsKey("uploadId")) {
            Optional<Upload> upload = bucket.upload(key, exchange.query.get("uploadId"));
            if (upload.isEmpty()) {
                exchange.xmlError(404, "NoSuchUpload", "The requested upload was not found.");
            } else if (exchange.method.equals("GET")) {
                listParts(exchange, key, upload.get());
            } else if (exchange.method.equals("POST")) {
                complete(exchange, key, upload.get());
            } else if (exchange.method.equals("DELETE")) {
                bucket.endUpload(key, exchange.query.get("uploadId"));
                exchange.send(204, null, new byte[0]);
            } else {
                exchange.xmlError(501, "NotImplemented", exchange.method + " of an upload");
            }
        } else {
            exchange.xmlError(501, "NotImplemented", "the GCS double does not serve " + exchange.method + " "
                    + exchange.url + " with a token");
        }
    }

    private void signed(Exchange exchange, String key) throws IOException {
        if (!V4Signatures.verifies(new V4Signatures.Request(exchange.method, exchange.url, exchange.headers), signer)) {
            exchange.xmlError(403, "SignatureDoesNotMatch", "Access denied. The request signature we calculated "
                    + "does not match the signature you provided.");
            return;
        }
        if (Long.parseLong(exchange.query.get("X-Goog-Expires")) > MAX_EXPIRES) {
            exchange.xmlError(400, "AuthenticationRequired", "X-Goog-Expires may be at most 604800 seconds.");
            return;
        }
        if (V4Signatures.expiry(exchange.url).isBefore(Instant.now())) {
            exchange.xmlError(400, "ExpiredToken", "The provided token has expired.");
            return;
        }
        String range = exchange.header("x-goog-content-length-range");
        if (range != null && outside(range, exchange.body.length)) {
            exchange.xmlError(400, "EntityTooLarge", exchange.body.length + " bytes, outside " + range);
            return;
        }
        switch (exchange.method) {
            case "PUT" -> {
                if (exchange.query.containsKey("uploadId")) {
                    putPart(exchange, key);
                } else {
                    StoredObject written = bucket.write(key, exchange.body, exchange.header("content-type"), true, Map.of());
                    answerWrite(exchange, written.bytes());
                }
            }
            case "GET", "HEAD" -> get(exchange, key);
            default -> exchange.xmlError(403, "SignatureDoesNotMatch", "signed URLs serve PUT, GET and HEAD here");
        }
    }

    private void putPart(Exchange exchange, String key) throws IOException {
        Optional<Upload> upload = bucket.upload(key, exchange.query.get("uploadId"));
        int number = Integer.parseInt(exchange.query.getOrDefault("partNumber", "0"));
        if (upload.isEmpty()) {
            exchange.xmlError(404, "NoSuchUpload", "The requested upload was not found.");
        } else if (number < 1 || number > 10_000) {
            exchange.xmlError(400, "InvalidArgument", "part numbers are 1 to 10000, not " + number);
        } else {
            upload.get().parts().put(number, new StoredPart(number, exchange.body, FakeBucket.quotedMd5(exchange.body)));
            answerWrite(exchange, exchange.body);
        }
    }

    private static void answerWrite(Exchange exchange, byte[] bytes) throws IOException {
        exchange.header("ETag", FakeBucket.quotedMd5(bytes));
        exchange.header("x-goog-hash", "md5=" + Base64.getEncoder().encodeToString(FakeBucket.md5(bytes)));
        exchange.send(200, null, new byte[0]);
    }

    private void get(Exchange exchange, String key) throws IOException {
        Optional<StoredObject> object = bucket.object(key);
        if (object.isEmpty()) {
            exchange.xmlError(404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        Optional.ofNullable(exchange.query.get("response-content-disposition"))
                .ifPresent(disposition -> exchange.header("Content-Disposition", disposition));
        exchange.header("x-goog-generation", Long.toString(object.get().generation()));
        exchange.send(200, exchange.query.getOrDefault("response-content-type", object.get().contentType()),
                object.get().bytes());
    }

    private void listParts(Exchange exchange, String key, Upload upload) throws IOException {
        int max = Math.min(1000, Integer.parseInt(exchange.query.getOrDefault("max-parts", "1000")));
        int marker = Integer.parseInt(exchange.query.getOrDefault("part-number-marker", "0"));
        List<StoredPart> page = upload.parts().tailMap(marker, false).values().stream().limit(max).toList();
        boolean truncated = !page.isEmpty() && upload.parts().higherKey(page.get(page.size() - 1).number()) != null;
        StringBuilder xml = new StringBuilder("<ListPartsResult><Bucket>").append(bucket.name).append("</Bucket><Key>")
                .append(Exchange.escape(key)).append("</Key><UploadId>").append(exchange.query.get("uploadId"))
                .append("</UploadId><PartNumberMarker>").append(marker).append("</PartNumberMarker><MaxParts>")
                .append(max).append("</MaxParts><IsTruncated>").append(truncated).append("</IsTruncated>");
        if (truncated) {
            xml.append("<NextPartNumberMarker>").append(page.get(page.size() - 1).number()).append("</NextPartNumberMarker>");
        }
        for (StoredPart part : page) {
            xml.append("<Part><PartNumber>").append(part.number()).append("</PartNumber><LastModified>")
                    .append("2026-12-05T00:00:00.000Z</LastModified><ETag>").append(Exchange.escape(part.etag()))
                    .append("</ETag><Size>").append(part.bytes().length).append("</Size></Part>");
        }
        exchange.xml(200, xml.append("</ListPartsResult>").toString());
    }

    /** S3's rules, which GCS documents as its own: ascending numbers, listed ETags, 5 MiB but for the last. */
    private void complete(Exchange exchange, String key, Upload upload) throws IOException {
        List<int[]> order = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        NodeList parts = parse(exchange.body).getElementsByTagName("Part");
        for (int i = 0; i < parts.getLength(); i++) {
            Element part = (Element) parts.item(i);
            int number = Integer.parseInt(text(part, "PartNumber"));
            StoredPart stored = upload.parts().get(number);
            if (!order.isEmpty() && order.get(order.size() - 1)[0] >= number) {
                exchange.xmlError(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
                return;
            }
            if (stored == null || !unquoted(stored.etag()).equals(unquoted(text(part, "ETag")))) {
                exchange.xmlError(400, "InvalidPart", "One or more of the specified parts could not be found.");
                return;
            }
            if (i < parts.getLength() - 1 && stored.bytes().length < MIN_PART) {
                exchange.xmlError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed.");
                return;
            }
            order.add(new int[] {number});
            joined.writeBytes(stored.bytes());
        }
        if (order.isEmpty()) {
            exchange.xmlError(400, "MalformedXML", "no parts");
            return;
        }
        bucket.write(key, joined.toByteArray(), upload.contentType(), false, Map.of());
        bucket.endUpload(key, exchange.query.get("uploadId"));
        exchange.xml(200, "<CompleteMultipartUploadResult><Location>" + Exchange.escape(exchange.url.toString())
                + "</Location><Bucket>" + bucket.name + "</Bucket><Key>" + Exchange.escape(key) + "</Key><ETag>\""
                + order.size() + "-parts\"</ETag></CompleteMultipartUploadResult>");
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IOException("not XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    private static boolean outside(String range, long length) {
        String[] bounds = range.split(",");
        return length < Long.parseLong(bounds[0].strip()) || length > Long.parseLong(bounds[1].strip());
    }
}
