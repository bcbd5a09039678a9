package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MagicBytesTest {

    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F');
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D);
    static final byte[] GIF87 = ascii("GIF87a\u0001\u0000");
    static final byte[] GIF89 = ascii("GIF89a\u0001\u0000");
    static final byte[] WEBP = ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ");
    static final byte[] AVI = ascii("RIFF\u0024\u0000\u0000\u0000AVI LIST");
    static final byte[] PDF = ascii("%PDF-1.7\n");
    static final byte[] WEBM = bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86);
    static final byte[] MP4 = iso("isom");
    static final byte[] QUICKTIME = iso("qt  ");
    static final byte[] HEIC = iso("heic");
    static final byte[] AVIF = iso("avif");

    @Test
    void imagesAreRecognisedByTheirSignatures() {
        assertThat(MagicBytes.sniff(JPEG)).contains("image/jpeg");
        assertThat(MagicBytes.sniff(PNG)).contains("image/png");
        assertThat(MagicBytes.sniff(GIF87)).contains("image/gif");
        assertThat(MagicBytes.sniff(GIF89)).contains("image/gif");
        assertThat(MagicBytes.sniff(WEBP)).contains("image/webp");
    }

    @Test
    void isoMediaIsNamedByItsBrand() {
        assertThat(MagicBytes.sniff(MP4)).contains("video/mp4");
        assertThat(MagicBytes.sniff(iso("mp42"))).contains("video/mp4");
        assertThat(MagicBytes.sniff(QUICKTIME)).contains("video/quicktime");
        assertThat(MagicBytes.sniff(AVIF)).contains("image/avif");
        assertThat(MagicBytes.sniff(iso("avis"))).contains("image/avif");
        for (String brand : new String[] {"heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"}) {
            assertThat(MagicBytes.sniff(iso(brand))).as(brand).contains("image/heif");
        }
    }

    @Test
    void aGenericHeifNamingAv1AmongItsCompatibleBrandsIsAvif() {
        byte[] avif = ftyp("mif1", "mif1", "miaf", "avif");

        assertThat(MagicBytes.sniff(avif)).contains("image/avif");
        assertThat(MagicBytes.sniff(ftyp("msf1", "msf1", "avis"))).contains("image/avif");
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/avif"), avif)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/heic"), avif)).isFalse();
    }

    @Test
    void aGenericHeifNamingHevcOrNothingIsHeif() {
        assertThat(MagicBytes.sniff(ftyp("mif1", "mif1", "heic", "miaf"))).contains("image/heif");
        assertThat(MagicBytes.sniff(ftyp("mif1"))).contains("image/heif");
        assertThat(MagicBytes.sniff(ftyp("hevx", "mif1"))).contains("image/heif");
    }

    @Test
    void brandsPastTheFtypBoxAreNotRead() {
        byte[] next = ascii("\u0000\u0000\u0000\u0008avif");
        byte[] file = new byte[16 + next.length];
        System.arraycopy(ftyp("mif1"), 0, file, 0, 16);
        System.arraycopy(next, 0, file, 16, next.length);

        assertThat(MagicBytes.sniff(file)).contains("image/heif");
    }

    @Test
    void anFtypLongerThanTheHeadIsReadAsFarAsTheHeadGoes() {
        byte[] cut = ftyp("mif1", "miaf", "avif");
        cut[3] = (byte) 0xF0;

        assertThat(MagicBytes.sniff(cut)).contains("image/avif");
        assertThat(MagicBytes.sniff(java.util.Arrays.copyOf(cut, 22))).contains("image/heif");
    }

    @Test
    void anAppleHeicAsItsFirstBytesReadIsHeif() {
        // an iPhone's IMG_0001.HEIC: ftyp of 24 bytes, major brand heic, compatible mif1, MiHE, MiPr, miaf, MiHB, heic
        byte[] iphone = ftyp("heic", "mif1", "MiHE", "MiPr", "miaf", "MiHB", "heic");

        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/heic"), iphone)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, ContentType.JPEG, iphone)).isFalse();
    }

    @Test
    void twelveBytesAreEnoughToReadTheBrand() {
        assertThat(MagicBytes.sniff(ascii("\u0000\u0000\u0000\u0018ftypqt  "))).contains("video/quicktime");
    }

    @Test
    void anIsoBoxCutBeforeItsBrandCountsAsMp4() {
        assertThat(MagicBytes.sniff(ascii("\u0000\u0000\u0000\u0018ftyp"))).contains("video/mp4");
        assertThat(MagicBytes.sniff(ascii("\u0000\u0000\u0000\u0018ftypqt "))).contains("video/mp4");
    }

    @Test
    void otherContainersAreRecognised() {
        assertThat(MagicBytes.sniff(AVI)).contains("video/x-msvideo");
        assertThat(MagicBytes.sniff(WEBM)).contains("video/webm");
        assertThat(MagicBytes.sniff(PDF)).contains("application/pdf");
    }

    @Test
    void aRiffOfAnotherKindIsUnknown() {
        assertThat(MagicBytes.sniff(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).isEmpty();
    }

    @Test
    void unknownTooShortOrEmptyHeadsNameNothing() {
        assertThat(MagicBytes.sniff(ascii("hello, world"))).isEmpty();
        assertThat(MagicBytes.sniff(bytes(0xFF, 0xD8))).isEmpty();
        assertThat(MagicBytes.sniff(ascii("RIFF\u0024\u0000\u0000\u0000WEB"))).isEmpty();
        assertThat(MagicBytes.sniff(new byte[0])).isEmpty();
        assertThat(MagicBytes.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\">"))).isEmpty();
    }

    @Test
    void aSignatureCountsOnlyAtItsPlace() {
        assertThat(MagicBytes.sniff(ascii(" %PDF-1.7"))).isEmpty();
        assertThat(MagicBytes.sniff(ascii("xxxxxftypisom"))).isEmpty();
    }

    @Test
    void anImageMustBeWhatItClaims() {
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, ContentType.JPEG, JPEG)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/png"), PNG)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, ContentType.WEBP, WEBP)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/avif"), AVIF)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/png"), JPEG)).isFalse();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, ContentType.JPEG, PDF)).isFalse();
    }

    @Test
    void heicAndHeifClaimsBothAcceptTheHeifFamily() {
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/heic"), HEIC)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/heif"), HEIC)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/avif"), HEIC)).isFalse();
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, new ContentType("image/heic"), AVIF)).isFalse();
    }

    @Test
    void anImageWhoseBytesNameNothingDoesNotAgree() {
        assertThat(MagicBytes.agrees(AssetKind.IMAGE, ContentType.JPEG, ascii("not an image"))).isFalse();
    }

    @Test
    void aVideoMayBeAnyVideoContainer() {
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, MP4)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, QUICKTIME)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, new ContentType("video/webm"), WEBM)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, AVI)).isTrue();
    }

    @Test
    void aVideoThatIsAnImageOrUnknownDoesNotAgree() {
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, JPEG)).isFalse();
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, HEIC)).isFalse();
        assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, ascii("plain text"))).isFalse();
    }

    @Test
    void aFileClaimingPdfMustBeAPdf() {
        ContentType pdf = new ContentType("application/pdf");

        assertThat(MagicBytes.agrees(AssetKind.FILE, pdf, PDF)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.FILE, pdf, JPEG)).isFalse();
        assertThat(MagicBytes.agrees(AssetKind.FILE, pdf, ascii("plain text"))).isFalse();
    }

    @Test
    void anyOtherFileIsTakenAsDeclared() {
        assertThat(MagicBytes.agrees(AssetKind.FILE, ContentType.OCTET_STREAM, ascii("anything"))).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.FILE, new ContentType("application/zip"), JPEG)).isTrue();
        assertThat(MagicBytes.agrees(AssetKind.FILE, new ContentType("text/plain"), new byte[0])).isTrue();
    }

    @Test
    void sixtyFourLeadingBytesAreEnough() {
        assertThat(MagicBytes.HEAD_LENGTH).isEqualTo(64);
    }

    /** An {@code ftyp} box of the right size: major brand, minor version 0, compatible brands. */
    static byte[] ftyp(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        StringBuilder box = new StringBuilder().append((char) 0).append((char) 0).append((char) 0).append((char) size)
                .append("ftyp").append(major).append("\u0000\u0000\u0000\u0000");
        for (String brand : compatible) {
            box.append(brand);
        }
        return ascii(box.toString());
    }

    static byte[] iso(String brand) {
        return ascii("\u0000\u0000\u0000\u0018ftyp" + brand + "\u0000\u0000\u0000\u0000");
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    @org.junit.jupiter.api.Test
    void anMp4AudioFileIsNotAVideo() {
        byte[] m4a = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0};
        org.assertj.core.api.Assertions.assertThat(MagicBytes.sniff(m4a)).hasValue("audio/mp4");
        org.assertj.core.api.Assertions.assertThat(MagicBytes.agrees(AssetKind.VIDEO, ContentType.MP4, m4a)).isFalse();
    }
}
