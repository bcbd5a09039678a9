package dev.mosaic.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: a {@code main} that loads {@code POST /api/v1/files/upload/} with {@code wrk} (the guide's three
 * files, 2,000 distinct senders, 32 connections) on a node on its embedded defaults (H2), and in the same run a
 * bare Javalin app parsing the same body and answering 201; then both at 2 connections for the latencies. See
 * {@code bootstrap/BENCHMARK.md}.
 *
 * <p>Arguments: {@code [seconds=10]}. Needs Debian's {@code wrk}.
 */
public final class CreateRateBenchmark {
    static final String BODY = """
            {"receiver_id": 42, "text": "Check out the photos from the trip!", "attachments": [
             {"file_name": "beach.jpg", "file_size": 3050000, "content_type": "image/jpeg", "kind": "image"},
             {"file_name": "party.mp4", "file_size": 15000000, "content_type": "video/mp4", "kind": "video",
              "client_part_size": 5242880, "client_num_parts": 3},
             {"file_name": "itinerary.pdf", "file_size": 102400, "content_type": "application/pdf", "kind": "file"}]}""";
    private static final int SENDERS = 2_000;

    private CreateRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("mosaic-create-benchmark-");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Path tokens = dir.resolve("tokens.txt");
        StringBuilder lines = new StringBuilder();
        for (int user = 1; user <= SENDERS; user++) {
            lines.append(RunningMosaic.token(user)).append('\n');
        }
        Files.writeString(tokens, lines);
        Path body = Files.writeString(dir.resolve("body.json"), BODY);
        Path script = Files.writeString(dir.resolve("create.lua"), """
                local tokens = {}
                local body = ""
                local counter = 0
                function init(args)
                  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
                  local f = io.open(args[2], "r"); body = f:read("*a"); f:close()
                  counter = math.random(#tokens)
                end
                function request()
                  counter = counter + 1
                  local token = tokens[(counter %% #tokens) + 1]
                  return wrk.format("POST", "/api/v1/files/upload/", {["Authorization"] = "Bearer " .. token,
                    ["Content-Type"] = "application/json"}, body)
                end
                local statuses = {}
                function response(status) statuses[status] = (statuses[status] or 0) + 1 end
                """.formatted());
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/v1/files/upload/", ctx -> {
                JsonNode parsed = RunningMosaic.JSON.readTree(ctx.bodyAsBytes());
                ctx.status(201).contentType("application/json")
                        .result("{\"message_id\":" + parsed.path("attachments").size() + ",\"uploads\":[]}");
            });
        }).start(0);
        try (RunningMosaic node = new RunningMosaic(dir.resolve("data"))) {
            int mosaicPort = node.mosaic.port();
            int barePort = bare.port();
            wrk(barePort, script, tokens, body, 32, 2);
            wrk(mosaicPort, script, tokens, body, 32, 2);
            Result bareRun = wrk(barePort, script, tokens, body, 32, seconds);
            Result mosaicRun = wrk(mosaicPort, script, tokens, body, 32, seconds);
            Result bareTwo = wrk(barePort, script, tokens, body, 2, seconds);
            Result mosaicTwo = wrk(mosaicPort, script, tokens, body, 2, seconds);
            System.out.printf(Locale.ROOT, "%s; load average before %s, after %s%n", Instant.now(), loadBefore,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "batch create (the guide's 3 files), %d senders, H2, wrk %d s%n", SENDERS,
                    seconds);
            System.out.printf(Locale.ROOT, "-c32: mosaic %.0f req/s, bare Javalin %.0f req/s: %.1f %% (goal >= 10 %%)%n",
                    mosaicRun.perSecond, bareRun.perSecond, 100 * mosaicRun.perSecond / bareRun.perSecond);
            System.out.printf(Locale.ROOT, "-c2: mosaic p50 %s, p99 %s (goal p99 <= 20 ms); bare p50 %s, p99 %s%n",
                    mosaicTwo.p50, mosaicTwo.p99, bareTwo.p50, bareTwo.p99);
            System.out.printf(Locale.ROOT, "non-2xx answers: mosaic %s / %s%n", mosaicRun.non2xx, mosaicTwo.non2xx);
        } finally {
            bare.stop();
        }
        System.exit(0);
    }

    private record Result(double perSecond, String p50, String p99, String non2xx) {
    }

    private static Result wrk(int port, Path script, Path tokens, Path body, int connections, int seconds)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), "http://127.0.0.1:" + port, "--", tokens.toString(), body.toString()))
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        double perSecond = Double.parseDouble(out.replaceAll("(?s).*Requests/sec:\\s+([\\d.]+).*", "$1"));
        String p50 = out.replaceAll("(?s).*\\n\\s+50%\\s+(\\S+).*", "$1");
        String p99 = out.replaceAll("(?s).*\\n\\s+99%\\s+(\\S+).*", "$1");
        String non2xx = out.contains("Non-2xx") ? out.replaceAll("(?s).*Non-2xx or 3xx responses: (\\d+).*", "$1") : "0";
        return new Result(perSecond, p50, p99, non2xx);
    }
}
