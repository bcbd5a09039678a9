package dev.mosaic.bootstrap.cluster;

import dev.mosaic.bootstrap.RunningMosaic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real Mosaic nodes in this JVM, each on its own port, all on one fresh PostgreSQL database and one
 * data folder. With PostgreSQL the data folder only holds the local store's objects and its signing
 * key, so sharing it is what a shared volume (or one bucket) is to real nodes: a URL signed by one
 * node is served by any other, and every node reads the bytes any other wrote. All share the JWT secret.
 */
final class Cluster implements AutoCloseable {
    final SharedPostgres.Database database = SharedPostgres.freshDatabase();
    final Path dataDir;
    private final Map<String, String> common;
    private final List<RunningMosaic> nodes = new ArrayList<>();

    /** @param common more {@code MOSAIC_*} settings every node of this cluster gets */
    Cluster(Path dataDir, Map<String, String> common) {
        this.dataDir = dataDir;
        this.common = Map.copyOf(common);
    }

    Cluster(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** Starts a node in {@code role} ({@code all}, {@code api} or {@code worker}). */
    RunningMosaic node(String role) {
        return node(role, Map.of());
    }

    RunningMosaic node(String role, Map<String, String> extra) {
        RunningMosaic node = new RunningMosaic(dataDir, environment(role, extra));
        nodes.add(node);
        return node;
    }

    /** Everything a node of this cluster is configured with, for one started in another process too. */
    Map<String, String> environment(String role, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("MOSAIC_ROLE", role);
        env.put("MOSAIC_DATA_DIR", dataDir.toString());
        env.put("MOSAIC_JWT_SECRET", RunningMosaic.SECRET);
        env.putAll(common);
        env.putAll(extra);
        return env;
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        nodes.clear();
    }
}
