package dev.mosaic.adapters.media;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * libjpeg-turbo's TurboJPEG C API (Debian's {@code libturbojpeg0}, 2.x), called through JNA. It decodes a
 * JPEG straight to 1/8, 1/4, 1/2… of its size by running smaller inverse DCTs, which ImageIO's
 * subsampling cannot do: ImageIO decodes every pixel and then drops most of them.
 */
final class TurboJpeg {
    static final String LIBRARY = "libturbojpeg.so.0";

    /** TJCS_CMYK and TJCS_YCCK: TurboJPEG decodes them to CMYK only, never to RGB. */
    private static final int CMYK = 3;
    private static final int YCCK = 4;
    /** TJERR_WARNING: the picture was decoded, and libjpeg said something about it. */
    private static final int WARNING = 0;
    /** TJFLAG_LIMITSCANS: libjpeg-turbo's own bound on progressive scans (500), beside JpegScans' 100. */
    private static final int LIMIT_SCANS = 32768;
    /** TJFLAG_ACCURATEDCT: the slow integer IDCT, as ImageIO and libvips use; the fast one bands. */
    private static final int ACCURATE_DCT = 4096;
    /** TJPF_BGRX / TJPF_XRGB: memory order that reads back as a packed RGB int on this machine. */
    private static final int PACKED_RGB = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 3 : 5;
    /**
     * The scaling factors libjpeg-turbo implements up to 1, as eighths, but 3/8: its 3×3 inverse DCT is plain C, while
     * the 4×4 and 2×2 ones (1/2, 1/4) have SIMD code and 1/8 needs only each block's DC, so a 12 MP photo decodes to
     * 1/2 (2000×1500) in 48.5 ms of CPU and to 3/8 (1500×1125) in 51.0 ms; the 1280 preview then comes from a sharper
     * picture at no cost (bootstrap/BENCHMARK.md, issue 15, fourth session).
     */
    private static final int[] EIGHTHS = {1, 2, 4, 5, 6, 7, 8};

    /** The C functions used, as declared in turbojpeg.h of libjpeg-turbo 2.0 and later. */
    interface Api extends Library {
        Pointer tjInitDecompress();

        int tjDecompressHeader3(Pointer handle, Pointer jpeg, NativeLong size, IntByReference width,
                                IntByReference height, IntByReference subsampling, IntByReference colorspace);

        int tjDecompress2(Pointer handle, Pointer jpeg, NativeLong size, Pointer pixels, int width, int pitch,
                          int height, int pixelFormat, int flags);

        String tjGetErrorStr2(Pointer handle);

        int tjGetErrorCode(Pointer handle);

        int tjDestroy(Pointer handle);
    }

    private final Api api;

    private TurboJpeg(Api api) {
        this.api = api;
    }

    /** The library when it can be loaded here; empty otherwise (ImageIO decodes JPEGs then). */
    static Optional<TurboJpeg> load() {
        return load(LIBRARY);
    }

    static Optional<TurboJpeg> load(String library) {
        try {
            return Optional.of(new TurboJpeg(Native.load(library, Api.class)));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }

    /** Reads the file into native memory and its header; no pixel is decoded yet. */
    Source open(Path jpeg) throws IOException {
        Memory bytes;
        try (FileChannel channel = FileChannel.open(jpeg, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 4) {
                throw new Refused("a JPEG of " + size + " bytes");
            }
            bytes = new Memory(size);
            try {
                ByteBuffer target = bytes.getByteBuffer(0, size);
                while (target.hasRemaining() && channel.read(target) >= 0) {
                    // reads until the buffer is full or the file ends
                }
            } catch (IOException | RuntimeException e) {
                bytes.close();
                throw e;
            }
        }
        Pointer handle = api.tjInitDecompress();
        if (handle == null) {
            bytes.close();
            throw new IllegalStateException("TurboJPEG cannot start a decompressor");
        }
        Source source = new Source(bytes, handle);
        try {
            source.readHeader();
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
        return source;
    }

    /** One JPEG in native memory with its decompressor; not for use by two threads at once. */
    final class Source implements AutoCloseable {
        private final Memory bytes;
        private final Pointer handle;
        private Size size;
        private int colorspace;

        private Source(Memory bytes, Pointer handle) {
            this.bytes = bytes;
            this.handle = handle;
        }

        private void readHeader() throws IOException {
            IntByReference width = new IntByReference();
            IntByReference height = new IntByReference();
            IntByReference subsampling = new IntByReference();
            IntByReference space = new IntByReference();
            if (api.tjDecompressHeader3(handle, bytes, new NativeLong(bytes.size()), width, height, subsampling,
                    space) != 0) {
                throw new Refused("cannot read the header: " + api.tjGetErrorStr2(handle));
            }
            size = new Size(width.getValue(), height.getValue());
            colorspace = space.getValue();
        }

        /** The stored size, from the header alone. */
        Size size() {
            return size;
        }

        /** False for CMYK and YCCK pictures, which TurboJPEG cannot turn into RGB (ImageIO can). */
        boolean decodesToRgb() {
            return colorspace != CMYK && colorspace != YCCK;
        }

        /** The smallest size TurboJPEG can decode to whose longest side is at least {@code longest}. */
        Size scaledFor(int longest) {
            for (int eighths : EIGHTHS) {
                Size scaled = scaled(eighths);
                if (scaled.longestSide() >= longest) {
                    return scaled;
                }
            }
            return size;
        }

        private Size scaled(int eighths) {
            return new Size(ceilEighths(size.width(), eighths), ceilEighths(size.height(), eighths));
        }

        /**
         * Decodes the picture at {@link #scaledFor(int)} into packed RGB. A warning other than a
         * premature end (a camera's stray bytes) keeps the picture, as ImageIO does; an early end refuses it.
         */
        BufferedImage decode(int longest) throws IOException {
            Size target = scaledFor(longest);
            int pixels = Math.toIntExact(target.pixels());
            try (Memory out = new Memory(4L * pixels)) {
                int result = api.tjDecompress2(handle, bytes, new NativeLong(bytes.size()), out, target.width(),
                        4 * target.width(), target.height(), PACKED_RGB, LIMIT_SCANS | ACCURATE_DCT);
                if (result != 0) {
                    String message = String.valueOf(api.tjGetErrorStr2(handle));
                    if (api.tjGetErrorCode(handle) != WARNING || endsEarly(message)) {
                        throw new Refused(message);
                    }
                }
                BufferedImage image = new BufferedImage(target.width(),
                        target.height(), BufferedImage.TYPE_INT_RGB);
                int[] packed = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                out.read(0, packed, 0, pixels);
                return image;
            }
        }

        private boolean endsEarly(String message) {
            String lower = message.toLowerCase(Locale.ROOT);
            return lower.contains("premature end") || lower.contains("truncated");
        }

        @Override
        public void close() {
            try {
                api.tjDestroy(handle);
            } finally {
                bytes.close();
            }
        }
    }

    /** TurboJPEG would not read or decode the file; whether it is damaged or only unusual is ImageIO's call. */
    static final class Refused extends IOException {
        Refused(String message) {
            super("TurboJPEG: " + message);
        }
    }

    private static int ceilEighths(int side, int eighths) {
        return (side * eighths + 7) / 8;
    }
}
