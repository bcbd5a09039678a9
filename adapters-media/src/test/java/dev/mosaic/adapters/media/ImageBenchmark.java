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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: times thumbnail + preview of a 12 MP JPEG, one image at a time, and reports the
 * heap it took. See {@code adapters-media/BENCHMARK.md} for how to run it.
 *
 * <p>Arguments: {@code [runs=20] [warmups=3]}.
 */
public final class ImageBenchmark {
    private static final int WIDTH = 4000;
    private static final int HEIGHT = 3000;

    private ImageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = Files.createTempDirectory("mosaic-image-benchmark-");
        try {
            Path input = Files.write(folder.resolve("photo.jpg"), Images.jpeg(Images.photo(WIDTH, HEIGHT)));
            MediaProcessor processor = MediaProcessors.create(MediaSettings.defaults());
            for (int i = 0; i < warmups; i++) {
                once(processor, input, folder.resolve("warmup-" + i));
            }
            System.gc();
            long heapBefore = heapUsed();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                once(processor, input, folder.resolve("run-" + i));
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
            report(input, runs, millis, heapBefore);
        } finally {
            deleteTree(folder);
        }
    }

    private static void once(MediaProcessor processor, Path input, Path workDir) throws IOException {
        Files.createDirectory(workDir);
        MediaOutcome outcome = processor.process(new MediaJob(AssetKind.IMAGE, ContentType.JPEG), input, workDir,
                MediaListener.IGNORE);
        if (!(outcome instanceof MediaOutcome.Processed)) {
            throw new IllegalStateException("the benchmark image was not processed: " + outcome);
        }
    }

    private static void report(Path input, int runs, double[] millis, long heapBefore) throws IOException {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(millis).average().orElse(0);
        long peakHeap = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "input            %dx%d JPEG, %d KiB%n", WIDTH, HEIGHT,
                Files.size(input) / 1024);
        System.out.printf(Locale.ROOT, "runs             %d, one at a time, thumbnail 320 + preview 1280%n", runs);
        System.out.printf(Locale.ROOT, "ms/image         mean %.1f, median %.1f, p95 %.1f, min %.1f%n", mean,
                sorted[runs / 2], sorted[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], sorted[0]);
        System.out.printf(Locale.ROOT, "peak heap        %d MiB (sum of heap pool peaks; %d MiB in use before)%n",
                peakHeap >> 20, heapBefore >> 20);
        System.out.printf(Locale.ROOT, "max heap         %d MiB, %d cores, Java %s%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
