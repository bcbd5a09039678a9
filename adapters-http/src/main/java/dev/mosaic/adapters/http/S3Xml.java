package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.view.PartsIssued;
import dev.mosaic.domain.CompletedPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * S3's XML, as much of it as an S3 uploader speaks for one multipart upload: the answers to initiate, list parts and
 * complete, and the body of a completion. Parsed with the JDK's parser, DTDs and external entities refused.
 */
final class S3Xml {
    static final String CONTENT_TYPE = "application/xml";
    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final int MAX_PARTS = 10_000;

    private S3Xml() {
    }

    static String initiated(String bucket, String key, String uploadId) {
        return declaration() + "<InitiateMultipartUploadResult xmlns=\"" + NAMESPACE + "\"><Bucket>" + text(bucket)
                + "</Bucket><Key>" + text(key) + "</Key><UploadId>" + text(uploadId)
                + "</UploadId></InitiateMultipartUploadResult>";
    }

    static String parts(String bucket, PartsIssued issued) {
        StringBuilder xml = new StringBuilder(declaration()).append("<ListPartsResult xmlns=\"").append(NAMESPACE)
                .append("\"><Bucket>").append(text(bucket)).append("</Bucket><Key>").append(text(issued.objectKey()))
                .append("</Key><UploadId>").append(text(issued.uploadId())).append("</UploadId>")
                .append("<MaxParts>").append(MAX_PARTS).append("</MaxParts><IsTruncated>false</IsTruncated>");
        for (PartsIssued.StoredPart part : issued.uploadedParts()) {
            xml.append("<Part><PartNumber>").append(part.partNumber()).append("</PartNumber><ETag>")
                    .append(text(part.etag())).append("</ETag><Size>").append(part.size()).append("</Size></Part>");
        }
        return xml.append("</ListPartsResult>").toString();
    }

    static String completed(String location, String bucket, String key) {
        return declaration() + "<CompleteMultipartUploadResult xmlns=\"" + NAMESPACE + "\"><Location>" + text(location)
                + "</Location><Bucket>" + text(bucket) + "</Bucket><Key>" + text(key)
                + "</Key></CompleteMultipartUploadResult>";
    }

    /** The parts of a {@code <CompleteMultipartUpload>} body, in the order given. */
    static List<CompletedPart> completion(byte[] body) {
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException malformed) {
            throw new RequestRejected(Reason.INVALID, "body_malformed", "the body is not well-formed XML");
        }
        if (!"CompleteMultipartUpload".equals(root.getLocalName())) {
            throw new RequestRejected(Reason.INVALID, "body_malformed",
                    "the body must be a <CompleteMultipartUpload> element");
        }
        NodeList parts = root.getElementsByTagNameNS("*", "Part");
        if (parts.getLength() > MAX_PARTS) {
            throw new RequestRejected(Reason.INVALID, "body_malformed", "at most " + MAX_PARTS + " parts");
        }
        List<CompletedPart> completed = new ArrayList<>(parts.getLength());
        for (int index = 0; index < parts.getLength(); index++) {
            Element part = (Element) parts.item(index);
            String number = child(part, "PartNumber");
            String etag = child(part, "ETag");
            if (number == null || etag == null || !number.matches("\\d{1,5}")) {
                throw new RequestRejected(Reason.INVALID, "part_invalid",
                        "Part " + (index + 1) + " needs a PartNumber and an ETag");
            }
            completed.add(new CompletedPart(Integer.parseInt(number), etag));
        }
        return completed;
    }

    private static String child(Element part, String name) {
        NodeList found = part.getElementsByTagNameNS("*", name);
        return found.getLength() == 1 ? found.item(0).getTextContent().trim() : null;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", impossible);
        }
    }

    private static String declaration() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
