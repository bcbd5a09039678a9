package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs libvips' programs under the supervisor: argument vectors, no shell, a wall-clock timeout,
 * data memory bounded by {@code prlimit} where it is found, and {@code VIPS_BLOCK_UNTRUSTED=1} so
 * that no loader libvips marks untrusted (ImageMagick, MATLAB, FITS...) can be reached. A failure
 * that is the file's fault becomes a refusal; being killed or failing to start is a passing trouble.
 */
final class Vips {
    private static final System.Logger LOG = System.getLogger(Vips.class.getName());
    static final Map<String, String> ENVIRONMENT = Map.of("VIPS_BLOCK_UNTRUSTED", "1");
    /** libheif's own cap on a declared size, reached before a pixel is decoded. */
    private static final Pattern SECURITY_LIMIT = Pattern.compile("image size (\\d{1,10}x\\d{1,10}) exceeds");
    private static final int SIGNALLED = 128;

    private final VipsTools tools;
    private final ProcessSupervisor supervisor;
    private final long memoryLimit;

    Vips(VipsTools tools, ProcessSupervisor supervisor, long memoryLimit) {
        this.tools = tools;
        this.supervisor = supervisor;
        this.memoryLimit = memoryLimit;
    }

    /** The header, read without decoding pixels. */
    HeifHeader header(Path input) {
        String output = run("header", tools.vipsheader(), List.of("-a", name(input)));
        return HeifHeader.parse(output)
                .orElseThrow(() -> UnusableImage.corrupt("its header names no size"));
    }

    /**
     * Decodes the primary image, turned upright, scaled down (never up) to fit {@code longest},
     * converted to sRGB from its ICC profile, as an 8-bit PNG without metadata. The import profile
     * is named for photos without one: libvips 8.14's own fallback shifts saturated blues.
     */
    void thumbnail(Path input, Path output, int longest) {
        String side = Integer.toString(longest);
        run("picture", tools.vips(), List.of("thumbnail", name(input),
                name(output) + "[strip,compression=1,bitdepth=8]", side, "--height", side, "--size", "down",
                "--import-profile", "srgb", "--export-profile", "srgb", "--fail-on", "error"));
    }

    private String run(String purpose, Path program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        tools.prlimit().ifPresent(prlimit -> command.addAll(List.of(prlimit.toString(), "--data=" + memoryLimit,
                "--")));
        command.add(program.toString());
        command.addAll(arguments);
        String output;
        int exit;
        String errors;
        boolean timedOut;
        try (SupervisedProcess process = supervisor.start(command, ENVIRONMENT)) {
            try (InputStream in = process.process().getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            exit = process.waitFor();
            errors = process.errorTail();
            timedOut = process.timedOut();
        } catch (IOException e) {
            throw new IllegalStateException(program + " could not be run for the " + purpose, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " read the " + purpose, e);
        }
        if (timedOut) {
            throw UnusableImage.tooSlow(supervisor.timeout());
        }
        if (exit > SIGNALLED) {
            throw new IllegalStateException(program + " was killed reading the " + purpose + " (exit " + exit
                    + "): " + errors);
        }
        if (exit != 0) {
            LOG.log(Level.DEBUG, "libvips refused the {0} (exit {1}): {2}", purpose, exit, errors);
            throw refusal(errors);
        }
        return output;
    }

    /** libheif's messages say which of its checks the file failed. */
    static UnusableImage refusal(String errors) {
        Matcher declared = SECURITY_LIMIT.matcher(errors.toLowerCase(Locale.ROOT));
        if (declared.find()) {
            return UnusableImage.declaredTooLarge("the image declares " + declared.group(1)
                    + " pixels, past libheif's limit");
        }
        if (errors.contains("Security limit exceeded")) {
            return UnusableImage.corrupt("it exceeds libheif's security limits");
        }
        if (errors.contains("Unsupported")) {
            return UnusableImage.unsupported("this kind of HEIF image");
        }
        return UnusableImage.corrupt("the image is damaged or truncated");
    }

    /** libvips reads {@code name[options]}; our own paths never hold a bracket, and must not. */
    private static String name(Path file) {
        String name = file.toAbsolutePath().normalize().toString();
        if (name.indexOf('[') >= 0) {
            throw new IllegalArgumentException("a path given to libvips holds a bracket: " + name);
        }
        return name;
    }
}
