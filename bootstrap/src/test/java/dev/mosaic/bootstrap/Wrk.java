package dev.mosaic.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Debian's {@code wrk} posting one JSON body to one path, each request with the next of many users' tokens and,
 * in that body, the receiver chosen for that user (its {@code "receiver_id": N} rewritten once per user).
 */
final class Wrk {
    private static final String SCRIPT = """
            local tokens = {}
            local bodies = {}
            local path = ""
            local counter = 0
            function init(args)
              local f = io.open(args[2], "r"); local body = f:read("*a"); f:close()
              for line in io.lines(args[1]) do
                local token, receiver = line:match("^(%S+) (%d+)$")
                tokens[#tokens + 1] = token
                bodies[#bodies + 1] = body:gsub('"receiver_id": %d+', '"receiver_id": ' .. receiver)
              end
              path = args[3]
              counter = math.random(#tokens)
            end
            function request()
              counter = counter + 1
              local i = (counter % #tokens) + 1
              return wrk.format("POST", path, {["Authorization"] = "Bearer " .. tokens[i],
                ["Content-Type"] = "application/json"}, bodies[i])
            end
            """;

    /** One sender: its bearer token (the same string in every phase, as a client keeps it) and its receiver. */
    record Sender(long user, String token, long receiver) {
    }

    private final Path script;
    private final Path tokens;
    final List<Sender> senders;

    /** Users {@code firstUser} to {@code firstUser + users - 1}, each sending to {@code receiverOf(user)}. */
    Wrk(Path dir, Map<Long, String> tokenOf, long firstUser, int users, LongUnaryOperator receiverOf)
            throws IOException {
        this.script = Files.writeString(dir.resolve("post.lua"), SCRIPT);
        StringBuilder lines = new StringBuilder();
        List<Sender> all = new ArrayList<>();
        for (long user = firstUser; user < firstUser + users; user++) {
            Sender sender = new Sender(user, tokenOf.computeIfAbsent(user, RunningMosaic::token),
                    receiverOf.applyAsLong(user));
            all.add(sender);
            lines.append(sender.token()).append(' ').append(sender.receiver()).append('\n');
        }
        this.senders = List.copyOf(all);
        this.tokens = Files.writeString(Files.createTempFile(dir, "tokens-", ".txt"), lines);
    }

    /** Senders in pairs: user k of {@code users} and user k + users / 2 send to each other (a crowd of chats). */
    static Wrk pairs(Path dir, Map<Long, String> tokenOf, long firstUser, int users) throws IOException {
        return new Wrk(dir, tokenOf, firstUser, users, user -> firstUser + (user - firstUser + users / 2) % users);
    }

    /** Every sender sends to the same {@code receiver}. */
    static Wrk toOne(Path dir, Map<Long, String> tokenOf, long firstUser, int users, long receiver)
            throws IOException {
        return new Wrk(dir, tokenOf, firstUser, users, user -> receiver);
    }

    record Result(double perSecond, String p50, String p99, String non2xx) {
    }

    Result post(int port, String path, Path body, int connections, int seconds)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(List.of("wrk", "-t" + Math.min(2, connections), "-c" + connections,
                "-d" + seconds + "s", "--latency", "-s", script.toString(), "http://127.0.0.1:" + port, "--",
                tokens.toString(), body.toString(), path))
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        double perSecond = Double.parseDouble(out.replaceAll("(?s).*Requests/sec:\\s+([\\d.]+).*", "$1"));
        String p50 = out.replaceAll("(?s).*\\n\\s+50%\\s+(\\S+).*", "$1");
        String p99 = out.replaceAll("(?s).*\\n\\s+99%\\s+(\\S+).*", "$1");
        String non2xx = out.contains("Non-2xx")
                ? out.replaceAll("(?s).*Non-2xx or 3xx responses: (\\d+).*", "$1") : "0";
        return new Result(perSecond, p50, p99, non2xx);
    }
}
