package dev.mosaic.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the embedded PostgreSQL server's work goes over one phase of {@link CreateRateBenchmark}
 * ({@code -Dbenchmark.create.pg-profile=true}): every statement's calls, plans, execution and planning time, rows,
 * buffers and WAL from {@code pg_stat_statements} (loaded for the run; it costs the server a little itself), the
 * database's, WAL's and tables' counters, and the server's CPU split by process (backends, WAL writer, checkpointer,
 * autovacuum, ...) from {@code /proc}; all per create, a create being one statement that runs
 * {@code INSERT INTO messages}.
 * {@code -Dbenchmark.create.perf=<file>} also records {@code perf record -a -g -e cpu-clock} over the phase, to be
 * read with {@code perf report -i <file> --comm postgres --no-children --sort sym}.
 */
final class PostgresProfile {
    private static final long TICK_NANOS = 10_000_000L;
    private static final String[] DATABASE = {"xact_commit", "xact_rollback", "tup_returned", "tup_fetched",
            "tup_inserted", "tup_updated", "tup_deleted", "blks_hit", "blks_read"};
    private static final String[] WAL = {"wal_records", "wal_fpi", "wal_bytes", "wal_buffers_full", "wal_write",
            "wal_sync"};
    private static final String[] CHECKPOINTER = {"num_timed", "num_requested", "buffers_written"};
    private static final String[] TABLES = {"seq_scan", "idx_scan", "n_tup_ins", "n_tup_upd", "n_tup_hot_upd",
            "autovacuum_count", "autoanalyze_count"};

    private final EmbeddedPostgres postgres;
    private final long postmaster;
    private Map<Long, long[]> cpuBefore;
    private Map<String, Double> countersBefore;
    private Process perf;

    PostgresProfile(EmbeddedPostgres postgres, long postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    static boolean wanted() {
        return Boolean.getBoolean("benchmark.create.pg-profile");
    }

    /** The server settings the profile needs, before the server starts. */
    static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.track_planning", "on");
    }

    void install() {
        run(statement -> statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
    }

    void start(int seconds) throws IOException {
        countersBefore = counters();
        run(statement -> statement.execute("SELECT pg_stat_statements_reset()"));
        String perfFile = System.getProperty("benchmark.create.perf");
        if (perfFile != null) {
            perf = new ProcessBuilder("perf", "record", "-a", "-g", "-e", "cpu-clock", "-F", "999", "-o", perfFile,
                    "--", "sleep", String.valueOf(seconds)).redirectErrorStream(true)
                    .redirectOutput(Path.of(perfFile + ".log").toFile()).start();
        }
        cpuBefore = serverProcesses(postmaster);
    }

    String stop() throws InterruptedException {
        Map<Long, long[]> cpuAfter = serverProcesses(postmaster);
        List<Map<String, Object>> statements = query("""
                SELECT query, calls, plans, total_exec_time, total_plan_time, rows, shared_blks_hit, shared_blks_read,
                       shared_blks_dirtied, wal_records, wal_fpi, wal_bytes
                FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC""");
        if (perf != null) {
            perf.waitFor();
        }
        // a backend flushes its table and database counters at most once a second, an idle one after 10 s
        Thread.sleep(11_000);
        Map<String, Double> countersAfter = counters();
        double creates = statements.stream().filter(row -> ((String) row.get("query")).contains(
                "INSERT INTO messages")).mapToLong(row -> ((Number) row.get("calls")).longValue()).sum();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "PostgreSQL profile of the phase: %.0f creates (statements inserting into messages)%n", creates));
        if (creates == 0) {
            return out.toString();
        }
        out.append("statements: calls/create, plans/call, exec us/call, plan us/call, rows/call, blks hit/call, "
                + "dirtied/call, WAL records/call, FPI/call, WAL bytes/call, query\n");
        double execTotal = 0;
        double planTotal = 0;
        for (Map<String, Object> row : statements) {
            double calls = number(row, "calls");
            execTotal += number(row, "total_exec_time");
            planTotal += number(row, "total_plan_time");
            if (calls < creates / 100) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %.2f, %.2f, %.1f, %.1f, %.2f, %.1f, %.2f, %.2f, %.3f, %.0f, %s%n",
                    calls / creates, number(row, "plans") / calls, 1000 * number(row, "total_exec_time") / calls,
                    number(row, "plans") == 0 ? 0 : 1000 * number(row, "total_plan_time") / number(row, "plans"),
                    number(row, "rows") / calls, number(row, "shared_blks_hit") / calls,
                    number(row, "shared_blks_dirtied") / calls, number(row, "wal_records") / calls,
                    number(row, "wal_fpi") / calls, number(row, "wal_bytes") / calls,
                    ((String) row.get("query")).replaceAll("\\s+", " ")));
        }
        out.append(String.format(Locale.ROOT, "all statements: exec %.0f us + plan %.0f us per create (wall time in "
                + "the backends, lock waits included)%n", 1000 * execTotal / creates, 1000 * planTotal / creates));
        out.append("counters per create:");
        countersAfter.forEach((name, value) -> {
            double delta = value - countersBefore.getOrDefault(name, 0.0);
            if (delta != 0) {
                out.append(String.format(Locale.ROOT, " %s %.3f;", name, delta / creates));
            }
        });
        out.append('\n');
        out.append("server CPU per create by process (user + system us):");
        Map<String, long[]> byKind = new TreeMap<>();
        cpuAfter.forEach((pid, after) -> {
            long[] before = cpuBefore.getOrDefault(pid, new long[] {after[0], 0, 0, 0, 0});
            long[] sum = byKind.computeIfAbsent(kind(pid), ignored -> new long[2]);
            sum[0] += after[1] - before[1];
            sum[1] += after[2] - before[2];
            if (pid == postmaster) {
                long[] ended = byKind.computeIfAbsent("ended children", ignored -> new long[2]);
                ended[0] += after[3] - before[3];
                ended[1] += after[4] - before[4];
            }
        });
        long[] total = new long[2];
        byKind.forEach((kind, ticks) -> {
            total[0] += ticks[0];
            total[1] += ticks[1];
            if (ticks[0] + ticks[1] > 0) {
                out.append(String.format(Locale.ROOT, " %s %.0f + %.0f;", kind, ticks[0] * TICK_NANOS / 1e3 / creates,
                        ticks[1] * TICK_NANOS / 1e3 / creates));
            }
        });
        out.append(String.format(Locale.ROOT, " all %.0f + %.0f = %.0f%n", total[0] * TICK_NANOS / 1e3 / creates,
                total[1] * TICK_NANOS / 1e3 / creates, (total[0] + total[1]) * TICK_NANOS / 1e3 / creates));
        return out.toString();
    }

    /** Each server process's kind ({@code postgres: walwriter}, a backend's user and database, ...). */
    private static String kind(long pid) {
        try {
            String command = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")))
                    .replace('\0', ' ').strip();
            if (command.matches("postgres: \\S+ \\S+ (127\\.0\\.0\\.1|\\[local\\]|::1).*")) {
                return "backends";
            }
            return command.startsWith("postgres: ") ? command.substring(10) : "postmaster";
        } catch (IOException gone) {
            return "gone";
        }
    }

    /**
     * pid → {pid, utime, stime, cutime, cstime} (clock ticks) of the server's {@code postmaster} and its children,
     * from {@code /proc}; the children's cutime and cstime count processes that have ended.
     */
    static Map<Long, long[]> serverProcesses(long postmaster) {
        Map<Long, long[]> found = new HashMap<>();
        try (var all = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) all::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // after the command's ")": state, ppid, ... utime (14th field), stime, cutime, cstime
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(name);
                if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
                    found.put(pid, new long[] {pid, Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                            Long.parseLong(fields[13]), Long.parseLong(fields[14])});
                }
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read /proc", unreadable);
        }
        return found;
    }

    private Map<String, Double> counters() {
        Map<String, Double> counters = new LinkedHashMap<>();
        counters.putAll(prefixed("db.", query("SELECT " + String.join(", ", DATABASE)
                + " FROM pg_stat_database WHERE datname = current_database()").get(0)));
        counters.putAll(prefixed("wal.", query("SELECT " + String.join(", ", WAL) + " FROM pg_stat_wal").get(0)));
        counters.putAll(prefixed("checkpointer.", query("SELECT " + String.join(", ", CHECKPOINTER)
                + " FROM pg_stat_checkpointer").get(0)));
        for (Map<String, Object> table : query("SELECT relname, " + String.join(", ", TABLES)
                + " FROM pg_stat_user_tables")) {
            String relation = (String) table.remove("relname");
            counters.putAll(prefixed(relation + ".", table));
        }
        return counters;
    }

    private static Map<String, Double> prefixed(String prefix, Map<String, Object> row) {
        Map<String, Double> out = new LinkedHashMap<>();
        row.forEach((name, value) -> out.put(prefix + name, value == null ? 0 : ((Number) value).doubleValue()));
        return out;
    }

    private static double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private List<Map<String, Object>> query(String sql) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        run(statement -> {
            try (ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    @FunctionalInterface
    private interface Work {
        void with(Statement statement) throws SQLException;
    }

    private void run(Work work) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            work.with(statement);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
