package dev.mosaic.bootstrap.browser;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Real files of the three kinds a user sends, written where a browser's file picker can take them. */
final class SampleFiles {

    /** Above the 5 MiB multipart threshold, so the video uploads in parts. */
    static final long MIN_VIDEO_BYTES = 5L * 1024 * 1024 + 1;

    private SampleFiles() {
    }

    /** A 1600×1067 JPEG: a sky, a sun and a sea. */
    static Path jpeg(Path dir, String name) {
        int width = 1600;
        int height = 1067;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x87ceeb), 0, height * 0.6f, new Color(0xffd8a8)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0xffb347));
        graphics.fillOval(width - 520, 160, 300, 300);
        graphics.setPaint(new GradientPaint(0, height * 0.6f, new Color(0x1e90ff), 0, height, new Color(0x003366)));
        graphics.fillRect(0, (int) (height * 0.6), width, height);
        graphics.dispose();
        Path file = dir.resolve(name);
        try {
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A real H.264/AAC MP4 from ffmpeg's test source: three seconds of a noisy test picture, whose noise keeps the
     * bitrate up so the file passes the multipart threshold.
     */
    static Path mp4(Path dir, String name) {
        return mp4(dir, name, 3);
    }

    /** The same, {@code seconds} long: about 2.1 MB a second (six seconds make three parts of 5 MiB). */
    static Path mp4(Path dir, String name, int seconds) {
        Path file = dir.resolve(name);
        List<String> command = List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-vf", "noise=alls=40:allf=t+u",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "17M", "-minrate", "17M", "-maxrate", "17M",
                "-bufsize", "8M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", "-shortest",
                file.toString());
        try {
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make the sample video: " + output);
            }
            if (Files.size(file) < MIN_VIDEO_BYTES) {
                throw new IllegalStateException("the sample video is only " + Files.size(file) + " bytes");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg is needed for the browser tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A one-page PDF with a line of text, its cross-reference table exact. */
    static Path pdf(Path dir, String name) {
        String content = "BT /F1 24 Tf 72 720 Td (Day 1: beach. Day 2: party.) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, pdf, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
