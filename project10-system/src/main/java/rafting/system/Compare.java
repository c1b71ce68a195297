package rafting.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import rafting.kv.Reply;

/**
 * {@code ./raftkv bench --compare}: this cluster beside a single Redis that syncs every write
 * ({@code appendfsync always}), driven by the same load generator ({@code redis-benchmark}) at 1,
 * 16 and 100 clients, SET then GET, each row measured on both one right after the other so that
 * the machine's load weighs on both alike. Prints one Markdown table with the ratio of the two,
 * and one fsync's time on the same disk before and after. A fresh three-node cluster on the
 * default ports and a Redis on a free port are started in a temporary folder and stopped at the end.
 */
final class Compare {

    /**
     * What {@code redis-benchmark --csv} reports for one test: requests per second and two
     * percentiles. (A class, not a record: the course's check wants every public member of the
     * reference in the learner's starter, which has no benchmark programs.)
     */
    static final class Figures {
        final double perSecond;
        final double p50Millis;
        final double p99Millis;

        Figures(double perSecond, double p50Millis, double p99Millis) {
            this.perSecond = perSecond;
            this.p50Millis = p50Millis;
            this.p99Millis = p99Millis;
        }

        /** {@code "1,347/s, p50 0.54 ms, p99 1.20 ms"}. */
        String text() {
            return String.format("%,.0f/s, p50 %.2f ms, p99 %.2f ms", perSecond, p50Millis, p99Millis);
        }
    }

    /** The time of one small append and {@code FileChannel.force(false)}, over many. */
    static final class SyncTime {
        final double meanMillis;
        final double p50Millis;
        final double p99Millis;

        SyncTime(double meanMillis, double p50Millis, double p99Millis) {
            this.meanMillis = meanMillis;
            this.p50Millis = p50Millis;
            this.p99Millis = p99Millis;
        }

        String text() {
            return String.format("mean %.3f ms, p50 %.3f ms, p99 %.3f ms", meanMillis, p50Millis, p99Millis);
        }
    }

    private static final int[] CLIENTS = {1, 16, 100};
    private static final int SYNCS = 2_000;

    private Compare() {
    }

    static int run(Map<String, String> options) throws IOException, InterruptedException {
        int requests = RaftKv.number(options.getOrDefault("--requests", "50000"), "--requests");
        int valueSize = RaftKv.number(options.getOrDefault("--value-size", "256"), "--value-size");
        for (String tool : List.of("redis-server", "redis-benchmark")) {
            if (!onPath(tool)) {
                throw new IOException(tool + " is needed for --compare: apt-get install redis-server redis-tools");
            }
        }
        Path dir = Files.createTempDirectory("raftkv-compare");
        List<Process> nodes = new ArrayList<>();
        Process redis = null;
        try {
            String loadBefore = loadAverage();
            SyncTime syncBefore = syncTime(dir.resolve("sync-probe"));
            ClusterFile cluster = ClusterFile.local(3);
            for (int id : cluster.nodes().keySet()) {
                nodes.add(LocalCluster.start(id, List.of("--nodes", "3"), dir.resolve("node-" + id)));
            }
            int leader = leaderPort(cluster);
            int redisPort = freePort();
            redis = startRedis(redisPort, dir.resolve("redis"));

            // Warm up: JIT compilers of the nodes, Redis's file; not counted.
            for (int port : new int[] {leader, redisPort}) {
                benchmark(port, "set", 16, Math.min(requests, 20_000), valueSize);
            }
            var rows = new ArrayList<String>();
            for (int clients : CLIENTS) {
                int n = clients == 1 ? Math.max(1_000, requests / 10) : requests;
                for (String test : List.of("set", "get")) {
                    Figures ours = benchmark(leader, test, clients, n, valueSize);
                    Figures theirs = benchmark(redisPort, test, clients, n, valueSize);
                    rows.add(row(clients, test, ours, theirs));
                }
            }
            SyncTime syncAfter = syncTime(dir.resolve("sync-probe"));
            String loadAfter = loadAverage();

            System.out.println();
            System.out.printf("redis-benchmark -t set|get -d %d -r 100000 -c C -n N, against the leader of a fresh%n", valueSize);
            System.out.println("three-node cluster (every SET fsynced on a majority) and a single Redis with appendfsync always.");
            System.out.println("One fsync (" + SYNCS + " appends of 300 bytes, each with FileChannel.force(false)): "
                    + syncBefore.text() + " before, " + syncAfter.text() + " after.");
            System.out.println("Load average " + loadBefore + " at the start, " + loadAfter + " at the end.");
            System.out.println();
            System.out.println("| clients | command | this cluster | Redis, appendfsync always | cluster / Redis |");
            System.out.println("|---|---|---|---|---|");
            rows.forEach(System.out::println);
            return 0;
        } finally {
            if (redis != null) {
                LocalCluster.stopAll(List.of(redis));
            }
            LocalCluster.stopAll(nodes);
            deleteAll(dir);
        }
    }

    /** One row of the table: both sides' figures and the ratio of their throughputs. */
    static String row(int clients, String test, Figures ours, Figures theirs) {
        return String.format("| %d | %s | %s | %s | %.2f |", clients, test.toUpperCase(), ours.text(), theirs.text(),
                ours.perSecond / theirs.perSecond);
    }

    /** Runs {@code redis-benchmark} once against {@code 127.0.0.1:port} and reads its CSV. */
    private static Figures benchmark(int port, String test, int clients, int requests, int valueSize)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-t", test, "-d", Integer.toString(valueSize), "-r", "100000", "-c", Integer.toString(clients),
                "-n", Integer.toString(requests), "--csv").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("redis-benchmark on port " + port + " failed: " + output.strip());
        }
        return parseCsv(output, test);
    }

    /**
     * The figures of {@code test} in the CSV that {@code redis-benchmark --csv} prints: a header
     * naming the columns ({@code "test","rps","avg_latency_ms",...,"p50_latency_ms",...,"p99_latency_ms",...})
     * and one line per test.
     */
    static Figures parseCsv(String csv, String test) {
        List<String> header = null;
        for (String line : csv.split("\r?\n")) {
            List<String> cells = Arrays.stream(line.split(",")).map(cell -> cell.replace("\"", "").strip()).toList();
            if (cells.contains("rps")) {
                header = cells;
            } else if (header != null && !cells.isEmpty() && cells.get(0).equalsIgnoreCase(test)) {
                return new Figures(cell(cells, header, "rps"), cell(cells, header, "p50_latency_ms"),
                        cell(cells, header, "p99_latency_ms"));
            }
        }
        throw new IllegalArgumentException("no figures for " + test + " in redis-benchmark's output: " + csv.strip());
    }

    private static double cell(List<String> cells, List<String> header, String column) {
        int at = header.indexOf(column);
        if (at < 0 || at >= cells.size()) {
            throw new IllegalArgumentException("redis-benchmark's CSV has no column " + column + ": " + header);
        }
        return Double.parseDouble(cells.get(at));
    }

    /** Appends 300 bytes and forces them to the disk {@link #SYNCS} times; the file is deleted after. */
    static SyncTime syncTime(Path file) throws IOException {
        long[] nanos = new long[SYNCS];
        ByteBuffer record = ByteBuffer.allocate(300);
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < SYNCS; i++) {
                long t0 = System.nanoTime();
                channel.write(record.clear());
                channel.force(false);
                nanos[i] = System.nanoTime() - t0;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(nanos);
        return new SyncTime(Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[SYNCS / 2] / 1e6,
                nanos[SYNCS * 99 / 100] / 1e6);
    }

    /** The client port of the leader, once a write went through. */
    private static int leaderPort(ClusterFile cluster) throws IOException {
        try (var client = new ClusterClient(RaftKv.clientAddresses(cluster), Duration.ofSeconds(20))) {
            Reply reply = client.call("SET", "compare:ready", "1");
            if (!Reply.OK.equals(reply)) {
                throw new IOException("the new cluster did not take a write: " + reply);
            }
            return client.connectedTo().getPort();
        }
    }

    private static Process startRedis(int port, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--daemonize", "no").redirectOutput(dir.resolve("redis.log").toFile()).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var client = new ClusterClient(List.of(new InetSocketAddress("127.0.0.1", port)), Duration.ofMillis(200))) {
                if (Reply.simple("PONG").equals(client.call("PING"))) {
                    return redis;
                }
            } catch (IOException notYet) {
                if (!redis.isAlive()) {
                    throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")).strip());
                }
            }
            Thread.sleep(50);
        }
        redis.destroyForcibly();
        throw new IOException("redis-server did not answer PING on port " + port + " within 10 s");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
