package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.ContentType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Not a test: times thumbnail + preview of a 12 MP JPEG, one image at a time, reports the heap it
 * took, and times {@code vipsthumbnail} on the same file in the same run; then the same for the
 * photo as HEIC; then the heap for a 50 MP JPEG. See {@code adapters-media/BENCHMARK.md} for how to run it.
 *
 * <p>Arguments: {@code [runs=20] [warmups=3]}.
 */
public final class ImageBenchmark {
    private static final int WIDTH = 4000;
    private static final int HEIGHT = 3000;
    private static final int LARGE_WIDTH = 8000;
    private static final int LARGE_HEIGHT = 6250;

    private ImageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = Files.createTempDirectory("mosaic-image-benchmark-");
        try {
            Path input = Files.write(folder.resolve("photo.jpg"), Images.cameraJpeg(WIDTH, HEIGHT));
            MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults(), Clips.searchPath());
            MediaProcessor imageIo = MediaProcessors.create(MediaSettings.defaults(), Map.of("PATH",
                    Clips.searchPath()), warning -> { }, Optional.empty());
            System.out.printf(Locale.ROOT, "run              %s, load average %s%n", java.time.Instant.now(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "input            %dx%d JPEG 4:4:4, Exif turned, %d KiB; %d runs one at a"
                    + " time, thumbnail 320 + preview 1280; TurboJPEG %s%n", WIDTH, HEIGHT, Files.size(input) / 1024,
                    runs, TurboJpeg.load().isPresent() ? "loaded" : "NOT FOUND (both rows are ImageIO)");
            Timings old = measure(imageIo, input, ContentType.JPEG, folder.resolve("imageio"), runs, warmups);
            old.print("imageio ms/image");
            old.printThumbnail("imageio to thumb");
            Timings jvm = measure(processor, input, ContentType.JPEG, folder.resolve("jvm"), runs, warmups);
            jvm.print("mosaic ms/image");
            jvm.printThumbnail("mosaic to thumb");
            System.out.printf(Locale.ROOT, "peak heap        %d MiB (sum of heap pool peaks; %d MiB in use before)%n",
                    jvm.peakHeap >> 20, jvm.heapBefore >> 20);
            Optional<String> vips = VipsThumbnail.version();
            if (vips.isPresent()) {
                Timings libvips = measureVips(input, folder.resolve("vips"), runs, warmups);
                libvips.print("vips ms/image");
                System.out.printf(Locale.ROOT, "ratio            mosaic/vips: median %.2f, mean %.2f; ImageIO path/vips:"
                        + " median %.2f (%s)%n", jvm.median() / libvips.median(), jvm.mean() / libvips.mean(),
                        old.median() / libvips.median(), vips.get());
            } else {
                System.out.println("vips             vipsthumbnail is not installed (Debian: libvips-tools)");
            }
            if (!Boolean.getBoolean("benchmark.jpegOnly")) {
                heic(processor, folder, Math.max(3, runs / 4), warmups > 0 ? 1 : 0, vips.isPresent());
                large(processor, folder, Math.max(3, runs / 4), vips.isPresent());
            }
            System.out.printf(Locale.ROOT, "max heap         %d MiB, %d cores, Java %s%n",
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        } finally {
            deleteTree(folder);
        }
    }

    /** The same 12 MP photo as an iPhone would store it: HEIC, made by heif-enc (libheif, x265). */
    private static void heic(MediaProcessor processor, Path folder, int runs, int warmups, boolean vips)
            throws IOException {
        if (!Heifs.encoderInstalled()) {
            System.out.println("heic             heif-enc is not installed (Debian: libheif-examples)");
            return;
        }
        Path input = Files.write(folder.resolve("photo.heic"), Heifs.heic(Images.photo(WIDTH, HEIGHT)));
        System.out.printf(Locale.ROOT, "input            %dx%d HEIC, %d KiB; %d runs one at a time%n", WIDTH, HEIGHT,
                Files.size(input) / 1024, runs);
        Timings jvm = measure(processor, input, new ContentType("image/heic"), folder.resolve("heic-jvm"), runs,
                warmups);
        jvm.print("mosaic ms/image");
        if (vips) {
            Timings both = measureVips(input, folder.resolve("heic-vips"), runs, warmups);
            both.print("vips ms/image");
            Timings one = measureVipsPreview(input, folder.resolve("heic-vips-preview"), runs);
            one.print("vips preview only");
            System.out.printf(Locale.ROOT, "ratio            mosaic/vips: median %.2f (both renditions), %.2f (vips"
                    + " making the preview only: one decode, as ours)%n", jvm.median() / both.median(),
                    jvm.median() / one.median());
        }
    }

    /** A 50 MP JPEG, made by ffmpeg so that making it costs this JVM no heap. */
    private static void large(MediaProcessor processor, Path folder, int runs, boolean vips) throws IOException {
        Path input = folder.resolve("large.jpg");
        Clips.run(List.of("-f", "lavfi", "-i", "testsrc2=size=" + LARGE_WIDTH + "x" + LARGE_HEIGHT,
                "-frames:v", "1", "-q:v", "3", input.toString()));
        System.out.printf(Locale.ROOT, "input            %dx%d JPEG (50 MP), %d KiB; %d runs%n", LARGE_WIDTH,
                LARGE_HEIGHT, Files.size(input) / 1024, runs);
        Timings jvm = measure(processor, input, ContentType.JPEG, folder.resolve("large-jvm"), runs, 1);
        jvm.print("mosaic ms/image");
        System.out.printf(Locale.ROOT, "peak heap        %d MiB for the 50 MP image (goal: under 256 MiB)%n",
                jvm.peakHeap >> 20);
        if (vips) {
            Timings libvips = measureVips(input, folder.resolve("large-vips"), runs, 1);
            libvips.print("vips ms/image");
        }
    }

    private static Timings measure(MediaProcessor processor, Path input, ContentType type, Path folder, int runs,
                                   int warmups) throws IOException {
        for (int i = 0; i < warmups; i++) {
            once(processor, input, type, Files.createDirectories(folder.resolve("warmup-" + i)));
        }
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] millis = new double[runs];
        double[] thumbnails = new double[runs];
        double[] thumbnailCpu = new double[runs];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            Path workDir = Files.createDirectories(folder.resolve("run-" + i));
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long[] thumbnailAt = {0, 0};
            once(processor, input, type, workDir, new MediaListener() {
                @Override
                public void thumbnail(MediaProcessor.RenditionFile thumbnail, dev.mosaic.domain.MediaInfo info) {
                    thumbnailAt[0] = System.nanoTime();
                    thumbnailAt[1] = threads.getCurrentThreadCpuTime();
                }

                @Override
                public void progress(int percent) {
                }
            });
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            thumbnails[i] = (thumbnailAt[0] - start) / 1_000_000.0;
            thumbnailCpu[i] = (thumbnailAt[1] - cpuStart) / 1_000_000.0;
        }
        long peakHeap = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Timings(millis, peakHeap, heapBefore, thumbnails, thumbnailCpu);
    }

    private static Timings measureVips(Path input, Path folder, int runs, int warmups) throws IOException {
        for (int i = 0; i < warmups; i++) {
            VipsThumbnail.bothRenditions(input, Files.createDirectories(folder.resolve("warmup-" + i)), 320, 1280);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = VipsThumbnail.bothRenditions(input, Files.createDirectories(folder.resolve("run-" + i)),
                    320, 1280);
        }
        return new Timings(millis, 0, 0, millis, millis);
    }

    private static Timings measureVipsPreview(Path input, Path folder, int runs) throws IOException {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = VipsThumbnail.oneRendition(input, Files.createDirectories(folder.resolve("run-" + i)), 1280);
        }
        return new Timings(millis, 0, 0, millis, millis);
    }

    private static void once(MediaProcessor processor, Path input, ContentType type, Path workDir) {
        once(processor, input, type, workDir, MediaListener.IGNORE);
    }

    private static void once(MediaProcessor processor, Path input, ContentType type, Path workDir,
                             MediaListener listener) {
        MediaOutcome outcome = processor.process(new MediaJob(AssetKind.IMAGE, type), input, workDir, listener);
        if (!(outcome instanceof MediaOutcome.Processed)) {
            throw new IllegalStateException("the benchmark image was not processed: " + outcome);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private record Timings(double[] millis, long peakHeap, long heapBefore, double[] thumbnails,
                           double[] thumbnailCpu) {

        /** Wall time to the thumbnail, and this thread's CPU time until then: the second hardly moves with load. */
        void printThumbnail(String label) {
            new Timings(thumbnails, 0, 0, thumbnails, thumbnails).print(label);
            new Timings(thumbnailCpu, 0, 0, thumbnailCpu, thumbnailCpu).print("  its CPU ms");
        }

        double mean() {
            return java.util.Arrays.stream(millis).average().orElse(0);
        }

        double median() {
            return sorted()[millis.length / 2];
        }

        private double[] sorted() {
            double[] sorted = millis.clone();
            java.util.Arrays.sort(sorted);
            return sorted;
        }

        void print(String label) {
            double[] sorted = sorted();
            System.out.printf(Locale.ROOT, "%-16s mean %.1f, median %.1f, p95 %.1f, min %.1f%n", label, mean(),
                    median(), sorted[Math.min(millis.length - 1, (int) Math.ceil(millis.length * 0.95) - 1)],
                    sorted[0]);
        }
    }
}
