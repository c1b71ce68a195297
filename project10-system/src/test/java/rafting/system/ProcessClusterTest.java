package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;

/**
 * Three node processes, started the way {@code ./raftkv node} starts them, while clients write
 * and read; nodes are killed with SIGKILL ({@code destroyForcibly}) and restarted from their
 * files. At the end every acknowledged write must still be there.
 *
 * <p>Every operation is recorded as {@link Op}, one field for each of {@code rafting.sim.history}'s
 * {@code Command} and {@code Operation} (client, command, reply, invoked, completed on one logical
 * clock), so the history can go straight to that module's linearizability checker.
 */
class ProcessClusterTest {

    /** One client operation; {@code completed == OPEN} when its outcome is unknown. */
    record Op(int client, String kind, String key, String expected, String value, String reply, long invoked,
            long completed) {
        static final long OPEN = Long.MAX_VALUE;

        boolean acknowledged() {
            return completed != OPEN;
        }
    }

    private static final int CLIENTS = 4;
    private static final List<String> SHARED_KEYS = List.of("x", "y", "z");

    @TempDir
    Path dir;

    private final Map<Integer, Process> processes = new TreeMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final List<Op> history = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private ClusterConfig config;
    private Path configFile;

    @AfterEach
    void killEverything() throws InterruptedException {
        for (Process process : processes.values()) {
            process.destroyForcibly();
        }
        for (Process process : processes.values()) {
            process.waitFor();
        }
    }

    private void start(int id) throws IOException {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RaftKv.class.getName(),
                "node", Integer.toString(id), "--config", configFile.toString(),
                "--data", dir.resolve("node-" + id).toString());
        Path log = dir.resolve("node-" + id + ".log");
        processes.put(id, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    private void kill(int id) throws InterruptedException {
        Process process = processes.remove(id);
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, nothing
        process.waitFor();
    }

    private int leader() {
        for (int id : config.nodes().keySet()) {
            Map<String, String> info = RaftKv.info(config.addresses(id).client());
            if (info != null && "leader".equals(info.get("role"))) {
                return id;
            }
        }
        return 0;
    }

    private void awaitMoreAcknowledged(long more) throws InterruptedException {
        long target = acknowledged.get() + more;
        TestCluster.await(more + " more acknowledged operations", () -> acknowledged.get() >= target);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveKillMinusNineAndRestarts() throws Exception {
        config = TestCluster.config("process-test", 3);
        configFile = dir.resolve("cluster.properties");
        Files.writeString(configFile, config.toFileText());
        for (int id = 1; id <= 3; id++) {
            start(id);
        }
        TestCluster.await("a leader", () -> leader() != 0);

        var stop = new AtomicBoolean();
        var threads = new ArrayList<Thread>();
        var failures = new ArrayList<Throwable>();
        for (int c = 1; c <= CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> runClient(client, stop), "client-" + c);
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        try {
            var random = new Random(2026);
            awaitMoreAcknowledged(150);
            for (int round = 0; round < 3; round++) {
                int victim = round == 1 ? TestCluster.awaitValue(this::leader) : 1 + random.nextInt(3);
                kill(victim);
                awaitMoreAcknowledged(150);
                start(victim);
                awaitMoreAcknowledged(150);
            }
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
        assertThat(failures).isEmpty();

        List<Op> ops;
        synchronized (history) {
            ops = List.copyOf(history);
        }
        // For a look, or for the linearizability checker of project09-simulation.
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "process-cluster-history.txt"), ops.stream().map(Op::toString).toList());
        assertThat(ops.stream().filter(Op::acknowledged).count()).isGreaterThan(1000);
        try (var client = new ClusterClient(RaftKv.clientAddresses(config), Duration.ofSeconds(20))) {
            assertEveryAcknowledgedWriteIsThere(ops, client);
        }
        assertEveryReadSawAWrittenValue(ops);
    }

    /** A client: fresh keys written once (which must all survive) and reads, writes and CAS on shared keys. */
    private void runClient(int client, AtomicBoolean stop) {
        var random = new Random(client);
        int n = 0;
        try (var kv = new ClusterClient(RaftKv.clientAddresses(config), Duration.ofSeconds(20))) {
            while (!stop.get()) {
                n++;
                String value = "c" + client + "-" + n;
                String shared = SHARED_KEYS.get(random.nextInt(SHARED_KEYS.size()));
                switch (random.nextInt(4)) {
                    case 0 -> call(kv, client, "SET", "own:" + value, null, value);
                    case 1 -> call(kv, client, "SET", shared, null, value);
                    case 2 -> call(kv, client, "GET", shared, null, null);
                    default -> call(kv, client, "CAS", shared, "c" + (1 + random.nextInt(CLIENTS)) + "-" + (n - 1), value);
                }
            }
        }
    }

    private void call(ClusterClient kv, int client, String kind, String key, String expected, String value) {
        long invoked = clock.incrementAndGet();
        String reply;
        try {
            List<String> words = new ArrayList<>(List.of(kind, key));
            if (expected != null) {
                words.add(expected);
            }
            if (value != null) {
                words.add(value);
            }
            Reply answer = kv.call(words.toArray(String[]::new));
            if (answer instanceof Reply.Error error) {
                if (error.message().startsWith("ERR lost")) {
                    return; // certainly not applied: as if never sent
                }
                reply = null; // deposed, stopping, timeout: the outcome is unknown
            } else {
                reply = answer instanceof Reply.Nil ? "" : answer instanceof Reply.Int i ? Long.toString(i.value())
                        : answer instanceof Reply.Bulk b ? b.value().asString() : answer.toString();
            }
        } catch (IOException e) {
            reply = null;
        }
        long completed = reply == null ? Op.OPEN : clock.incrementAndGet();
        var op = new Op(client, kind, key, expected, value, reply, invoked, completed);
        synchronized (history) {
            history.add(op);
        }
        if (op.acknowledged()) {
            acknowledged.incrementAndGet();
        }
    }

    /**
     * Every acknowledged SET of a fresh key is still there, with its value; every shared key holds
     * the value of its last acknowledged write, or of a write that overlapped or followed it.
     */
    private static void assertEveryAcknowledgedWriteIsThere(List<Op> ops, ClusterClient client) throws IOException {
        for (Op op : ops) {
            if (op.key().startsWith("own:") && op.acknowledged()) {
                assertThat(client.call("GET", op.key())).as("acknowledged %s", op).isEqualTo(Reply.bulk(op.value()));
            }
        }
        for (String key : SHARED_KEYS) {
            Op last = null;
            for (Op op : ops) {
                boolean wrote = op.key().equals(key) && op.acknowledged()
                        && (op.kind().equals("SET") || op.kind().equals("CAS") && op.reply().equals("1"));
                if (wrote && (last == null || op.completed() > last.completed())) {
                    last = op;
                }
            }
            if (last == null) {
                continue;
            }
            Op lastWrite = last;
            List<String> possible = new ArrayList<>(List.of(lastWrite.value()));
            ops.stream().filter(op -> op.key().equals(key) && op.value() != null && !op.kind().equals("GET")
                    && !"0".equals(op.reply()) && op.completed() > lastWrite.invoked()).forEach(op -> possible.add(op.value()));
            Reply now = client.call("GET", key);
            assertThat(now).as("%s after its last acknowledged write %s", key, lastWrite)
                    .isIn(possible.stream().map(Reply::bulk).toArray());
        }
    }

    /** No read returns a value nobody wrote, or one written only after the read completed. */
    private static void assertEveryReadSawAWrittenValue(List<Op> ops) {
        Map<String, Long> firstInvoked = new HashMap<>();
        for (Op op : ops) {
            if (op.value() != null) {
                firstInvoked.merge(op.value(), op.invoked(), Math::min);
            }
        }
        for (Op op : ops) {
            if (op.kind().equals("GET") && op.acknowledged() && !op.reply().isEmpty()) {
                assertThat(firstInvoked.get(op.reply())).as("the write %s read by %s", op.reply(), op).isNotNull()
                        .isLessThan(op.completed());
            }
        }
    }
}
