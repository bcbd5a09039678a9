package dev.mosaic.adapters.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds {@code irot}/{@code imir} to the primary item of a HEIF file as {@code heif-enc} writes it
 * (one {@code meta} box, {@code ipma} version 0 with one-byte associations, {@code iloc} before
 * {@code iprp}): the properties go at the end of {@code ipco}, their associations after the item's
 * own, and every size and data offset after them moves by what was inserted.
 */
final class HeifBoxes {
    private static final int PRIMARY_ITEM = 1;

    private final byte[] file;

    HeifBoxes(byte[] file) {
        this.file = file.clone();
    }

    byte[] withTransforms(int quarterTurns, int mirrorAxis) {
        ByteBuffer in = ByteBuffer.wrap(file);
        Map<String, int[]> top = children(in, 0, file.length, 0);
        int[] meta = top.get("meta");
        Map<String, int[]> inMeta = children(in, meta[0], meta[1], 12);
        int[] iprp = inMeta.get("iprp");
        Map<String, int[]> inIprp = children(in, iprp[0], iprp[1], 8);
        int[] ipco = inIprp.get("ipco");
        int[] ipma = inIprp.get("ipma");
        int[] iloc = inMeta.get("iloc");
        if (iloc[0] > iprp[0] || ipma[0] < ipco[0] || file[ipma[0] + 8] != 0 || (file[ipma[0] + 11] & 1) != 0) {
            throw new IllegalArgumentException("not laid out as heif-enc writes");
        }
        int properties = count(in, ipco[0] + 8, ipco[0] + ipco[1]);
        ByteArrayOutputStream added = new ByteArrayOutputStream();
        ByteArrayOutputStream associations = new ByteArrayOutputStream();
        if (quarterTurns >= 0) {
            added.writeBytes(property("irot", quarterTurns));
            associations.write(0x80 | ++properties);
        }
        if (mirrorAxis >= 0) {
            added.writeBytes(property("imir", mirrorAxis));
            associations.write(0x80 | ++properties);
        }
        int delta = added.size() + associations.size();
        int associationsAt = associationsEnd(in, ipma[0]);
        ByteBuffer out = ByteBuffer.allocate(file.length + delta);
        out.put(file, 0, ipco[0] + ipco[1]).put(added.toByteArray())
                .put(file, ipco[0] + ipco[1], associationsAt - ipco[0] - ipco[1])
                .put(associations.toByteArray())
                .put(file, associationsAt, file.length - associationsAt);
        out.putInt(meta[0], meta[1] + delta).putInt(iprp[0], iprp[1] + delta).putInt(ipco[0], ipco[1] + added.size());
        int movedIpma = ipma[0] + added.size();
        out.putInt(movedIpma, ipma[1] + associations.size());
        int countAt = associationsAt + added.size() - 1 - associationCount(in, ipma[0]);
        out.put(countAt, (byte) (associationCount(in, ipma[0]) + associations.size()));
        moveOffsets(out, iloc[0], delta);
        return out.array();
    }

    static int indexOf(byte[] bytes, String type) {
        byte[] wanted = type.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 4; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i - 4;
        }
        throw new IllegalArgumentException("no " + type + " box");
    }

    private static byte[] property(String type, int value) {
        return ByteBuffer.allocate(9).putInt(9).put(type.getBytes(StandardCharsets.US_ASCII)).put((byte) value)
                .array();
    }

    /** Start and size of each child box between {@code start + header} and {@code start + size}. */
    private static Map<String, int[]> children(ByteBuffer in, int start, int size, int header) {
        Map<String, int[]> found = new HashMap<>();
        int end = start + size;
        for (int at = start + header; at + 8 <= end; at += in.getInt(at)) {
            String type = new String(in.array(), at + 4, 4, StandardCharsets.US_ASCII);
            found.putIfAbsent(type, new int[] {at, in.getInt(at)});
        }
        return found;
    }

    private static int count(ByteBuffer in, int from, int to) {
        int boxes = 0;
        for (int at = from; at < to; at += in.getInt(at)) {
            boxes++;
        }
        return boxes;
    }

    /** Where the primary item's associations end in {@code ipma} (version 0, one-byte entries). */
    private int associationsEnd(ByteBuffer in, int ipma) {
        return primaryEntry(in, ipma) + 3 + associationCount(in, ipma);
    }

    private int associationCount(ByteBuffer in, int ipma) {
        return file[primaryEntry(in, ipma) + 2] & 0xFF;
    }

    private int primaryEntry(ByteBuffer in, int ipma) {
        int entries = in.getInt(ipma + 12);
        int at = ipma + 16;
        for (int i = 0; i < entries; i++) {
            if ((in.getShort(at) & 0xFFFF) == PRIMARY_ITEM) {
                return at;
            }
            at += 3 + (file[at + 2] & 0xFF);
        }
        throw new IllegalArgumentException("no association entry for the primary item");
    }

    /** Every item's data sits after the boxes that grew: its base offset, or each extent's, moves. */
    private static void moveOffsets(ByteBuffer out, int iloc, int delta) {
        int version = out.get(iloc + 8);
        int at = iloc + 12;
        int offsetSize = (out.get(at) >> 4) & 0xF;
        int lengthSize = out.get(at) & 0xF;
        int baseSize = (out.get(at + 1) >> 4) & 0xF;
        int indexSize = version > 0 ? out.get(at + 1) & 0xF : 0;
        at += 2;
        int items = out.getShort(at) & 0xFFFF;
        at += 2;
        for (int item = 0; item < items; item++) {
            at += version > 0 ? 6 : 4;
            if (baseSize > 0) {
                add(out, at, baseSize, delta);
            }
            at += baseSize;
            int extents = out.getShort(at) & 0xFFFF;
            at += 2;
            for (int extent = 0; extent < extents; extent++) {
                at += indexSize;
                if (baseSize == 0 && offsetSize > 0) {
                    add(out, at, offsetSize, delta);
                }
                at += offsetSize + lengthSize;
            }
        }
    }

    private static void add(ByteBuffer out, int at, int size, int delta) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | (out.get(at + i) & 0xFF);
        }
        value += delta;
        for (int i = size - 1; i >= 0; i--) {
            out.put(at + i, (byte) value);
            value >>= 8;
        }
    }
}
