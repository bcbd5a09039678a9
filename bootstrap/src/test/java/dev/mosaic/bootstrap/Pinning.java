package dev.mosaic.bootstrap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CPUs a benchmark's server and its client (with the driver) may run on, {@code taskset}'s lists: {@code "0/1"}
 * puts the node on CPU 0 and the rest on CPU 1. Empty: no pinning, everything shares every core.
 */
record Pinning(String node, String client) {

    static Pinning parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return new Pinning("", "");
        }
        String[] lists = spec.strip().split("/");
        if (lists.length != 2 || !lists[0].matches("[0-9,-]+") || !lists[1].matches("[0-9,-]+")) {
            throw new IllegalArgumentException("pinning is <node cpus>/<client cpus>, e.g. 0/1: " + spec);
        }
        return new Pinning(lists[0], lists[1]);
    }

    boolean pinned() {
        return !node.isEmpty();
    }

    List<String> node(List<String> command) {
        return under(node, command);
    }

    List<String> client(List<String> command) {
        return under(client, command);
    }

    /** Moves every thread of this process to the client's CPUs. */
    void self() throws IOException, InterruptedException {
        if (!pinned()) {
            return;
        }
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", client,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin this process to CPUs " + client);
        }
    }

    private static List<String> under(String cpus, List<String> command) {
        if (cpus.isEmpty()) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus));
        pinned.addAll(command);
        return pinned;
    }

    @Override
    public String toString() {
        return pinned() ? "node pinned to CPU " + node + ", client and driver to CPU " + client
                : "not pinned (node and client share every core)";
    }
}
