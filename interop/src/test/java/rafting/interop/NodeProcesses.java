package rafting.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import rafting.kv.Bytes;
import rafting.kv.Reply;
import rafting.kv.RespReader;
import rafting.kv.RespWriter;
import rafting.system.ClusterFile;
import rafting.system.RaftKv;

/**
 * A cluster of node processes, started as {@code ./raftkv node} starts them, on loopback ports
 * free when it starts, with data in {@code dir}. {@link #kill} is {@code kill -9}; {@link #close}
 * kills whatever still runs and waits for it.
 */
final class NodeProcesses implements AutoCloseable {

    final ClusterFile config;
    private final Path dir;
    private final Path configFile;
    private final Map<Integer, Process> running = new TreeMap<>();

    NodeProcesses(int size, Path dir) throws IOException {
        this.dir = dir;
        var nodes = new TreeMap<Integer, ClusterFile.Addresses>();
        for (int id = 1; id <= size; id++) {
            nodes.put(id, new ClusterFile.Addresses(freeAddress(), freeAddress()));
        }
        this.config = new ClusterFile("interop-" + System.nanoTime(), nodes);
        this.configFile = dir.resolve("cluster.properties");
        Files.writeString(configFile, config.toFileText());
        for (int id = 1; id <= size; id++) {
            start(id);
        }
    }

    private static InetSocketAddress freeAddress() throws IOException {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress("127.0.0.1", probe.getLocalPort());
        }
    }

    void start(int id) throws IOException {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RaftKv.class.getName(),
                "node", Integer.toString(id), "--config", configFile.toString(),
                "--data", dir.resolve("node-" + id).toString());
        running.put(id, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node-" + id + ".log").toFile())).start());
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill(int id) throws InterruptedException {
        Process process = running.remove(id);
        process.destroyForcibly();
        process.waitFor();
    }

    int port(int id) {
        return config.addresses(id).client().getPort();
    }

    /** The node that says it leads, with every other running node agreeing; 0 if there is none yet. */
    int leader() {
        int leader = 0;
        for (int id : running.keySet()) {
            Map<String, String> info = info(id);
            if (info == null) {
                return 0;
            }
            int says = Integer.parseInt(info.getOrDefault("leader_id", "0"));
            if (says == 0 || (leader != 0 && says != leader)) {
                return 0;
            }
            leader = says;
        }
        return running.containsKey(leader) ? leader : 0;
    }

    int awaitLeader() throws InterruptedException {
        int[] seen = new int[1];
        await("a leader every running node knows", () -> (seen[0] = leader()) != 0);
        return seen[0];
    }

    /** The fields of node {@code id}'s {@code INFO raft}, or null if it does not answer. */
    Map<String, String> info(int id) {
        try (var socket = new Socket()) {
            socket.connect(config.addresses(id).client(), 500);
            socket.setSoTimeout(1000);
            new RespWriter(socket.getOutputStream()).writeCommand(List.of(Bytes.of("INFO"), Bytes.of("raft"))).flush();
            Reply reply = new RespReader(socket.getInputStream()).readReply();
            if (!(reply instanceof Reply.Bulk bulk)) {
                return null;
            }
            var fields = new TreeMap<String, String>();
            for (String line : bulk.value().asString().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20); // polling a condition, with a deadline
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : running.values()) {
            process.destroyForcibly();
        }
        for (Process process : running.values()) {
            process.waitFor();
        }
        running.clear();
    }
}
