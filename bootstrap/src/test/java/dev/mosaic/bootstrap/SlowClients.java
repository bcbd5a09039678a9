package dev.mosaic.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attackers on loopback: connections that send a request's headers, then trickle its body one byte per
 * {@code interval}, and remember the status line the server finally answers (or that it closed without one).
 * Trickling stops after a bounded time, whatever the server does.
 */
final class SlowClients implements AutoCloseable {

    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

    private final List<Socket> sockets = new ArrayList<>();
    private final ConcurrentHashMap<Integer, String> answers = new ConcurrentHashMap<>();
    private final List<Thread> readers = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch settled;

    private SlowClients(int count) {
        this.settled = new CountDownLatch(count);
    }

    /**
     * Opens {@code count} connections to {@code url}, each sending {@code head} (a full request head whose
     * {@code Content-Length} promises more than it will get) and then one body byte per {@code interval}, for at
     * most {@code limit}.
     */
    static SlowClients open(URI url, List<String> heads, Duration interval, Duration limit) throws IOException {
        SlowClients clients = new SlowClients(heads.size());
        for (String head : heads) {
            Socket socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write('{');
            socket.getOutputStream().flush();
            clients.sockets.add(socket);
            int index = clients.sockets.size() - 1;
            Thread reader = new Thread(() -> clients.read(index, socket), "slow-client-" + index);
            reader.setDaemon(true);
            reader.start();
            clients.readers.add(reader);
        }
        long started = System.nanoTime();
        clients.trickle.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - started > limit.toNanos()) {
                clients.closeSockets();
                return;
            }
            for (int i = 0; i < clients.sockets.size(); i++) {
                if (!clients.answers.containsKey(i)) {
                    try {
                        OutputStream out = clients.sockets.get(i).getOutputStream();
                        out.write(' ');
                        out.flush();
                    } catch (IOException closed) {
                        // the server cut it off; the reader records what it said
                    }
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return clients;
    }

    static String postHead(URI url, String path, String token, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
    }

    static String putHead(URI putUrl, String contentType, int contentLength) {
        return "PUT " + putUrl.getRawPath() + "?" + putUrl.getRawQuery() + " HTTP/1.1\r\nHost: " + putUrl.getHost()
                + ":" + putUrl.getPort() + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    private void read(int index, Socket socket) {
        StringBuilder line = new StringBuilder();
        String code = "";
        try {
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            code = problemCode(socket, in);
        } catch (IOException closed) {
            // reset or closed by us: what was read so far tells
        }
        answers.putIfAbsent(index, line.length() == 0 ? "closed" : (line.toString().trim() + " " + code).trim());
        settled.countDown();
    }

    /** The problem's {@code code} in the rest of the answer, read for at most a second: which 4xx it was. */
    private static String problemCode(Socket socket, InputStream in) throws IOException {
        socket.setSoTimeout(1_000);
        StringBuilder rest = new StringBuilder();
        try {
            for (int b = in.read(); b != -1 && rest.length() < 4_096; b = in.read()) {
                rest.append((char) b);
            }
        } catch (java.net.SocketTimeoutException quiet) {
            // the server keeps the connection open: what came is all there is
        }
        Matcher code = PROBLEM_CODE.matcher(rest);
        return code.find() ? code.group(1) : "";
    }

    /** Waits until every connection has an answer or was closed; false if some are still open after {@code wait}. */
    boolean awaitSettled(Duration wait) throws InterruptedException {
        return settled.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The answers so far, each with its problem code: {@code HTTP/1.1 408 Request Timeout request_timeout}, ... */
    List<String> answers() {
        return List.copyOf(answers.values());
    }

    long stillOpen() {
        return sockets.size() - answers.size();
    }

    private void closeSockets() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        trickle.shutdownNow();
        closeSockets();
    }
}
