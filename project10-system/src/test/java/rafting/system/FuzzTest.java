package rafting.system;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;
import rafting.replication.AppendEntries;
import rafting.replication.RequestVote;

/**
 * Generated input, seeded, against a running three-node cluster: 100,000 inputs in all on the
 * leader's client port and a follower's peer port, before the handshake (as a stranger) and
 * after it (as a peer that holds the key but sends garbage). Every node must still serve, and
 * every key written before must still read back. A failure names the seed.
 */
@Tag("part6")
@Tag("heavy")
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 2026_12_03L);
    private static final int CLIENT_INPUTS = 80_000;
    private static final int STRANGER_INPUTS = 10_000;
    private static final int PEER_INPUTS = 10_000;
    private static final int KEYS = 100;
    private static final List<String> COMMANDS = List.of("GET", "SET", "DEL", "INCR", "CAS", "EXPIRE", "TTL", "PING",
            "INFO", "CLUSTER", "EXISTS", "APPEND", "SETNX", "MGET", "NOSUCH"); // no FLUSHALL: the keys must stay

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aHundredThousandGeneratedInputsLeaveEveryNodeServingAndEveryKeyIntact() throws Exception {
        var random = new SplittableRandom(SEED);
        var errors = new ConcurrentLinkedQueue<String>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record.getLoggerName() + ": " + record.getMessage() + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler); // a bug while serving is logged as an error
        try (var cluster = new TestCluster(3, dir); var client = cluster.client()) {
            for (int i = 0; i < KEYS; i++) {
                assertThat(client.call("SET", "before:" + i, "v" + i)).isEqualTo(Reply.simple("OK"));
            }
            KvNode leader = cluster.awaitLeader();
            int follower = leader.id() == 1 ? 2 : 1;
            int impersonated = 6 - leader.id() - follower; // the third node, whose key we hold
            ClusterKey key = ClusterKey.loadOrCreate(KvNode.defaultKeyFile(dir.resolve("node-1")));
            var handshake = new PeerHandshake(cluster.config.clusterId(), key);

            int sent = fuzzClientPort(cluster.config.addresses(leader.id()).client(), random.split());
            sent += fuzzAsStranger(cluster.config.addresses(follower).peer(), random.split());
            sent += fuzzAsPeer(cluster.config.addresses(follower).peer(), handshake, impersonated, follower,
                    random.split());
            assertThat(sent).as("inputs sent, seed %d", SEED).isGreaterThanOrEqualTo(100_000);

            assertThat(client.call("SET", "after", "fuzz")).as("seed %d", SEED).isEqualTo(Reply.simple("OK"));
            for (int i = 0; i < KEYS; i++) {
                assertThat(client.call("GET", "before:" + i)).as("seed %d", SEED).isEqualTo(Reply.bulk("v" + i));
            }
            for (int id = 1; id <= 3; id++) {
                KvNode node = cluster.running.get(id);
                assertThat(node.failure()).as("n%d, seed %d", id, SEED).isNull();
                TestCluster.await("n" + id + " applies the write after the fuzzing",
                        () -> node.state().lastApplied() >= leader.state().commitIndex());
                try (var one = cluster.clientOf(id)) {
                    assertThat(one.call("PING")).isEqualTo(Reply.simple("PONG"));
                }
            }
            assertThat(errors).as("errors logged (bugs met while serving), seed %d", SEED).isEmpty();
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }
    }

    /** RESP commands, mutated commands, raw bytes and absurd headers, pipelined on few connections. */
    private static int fuzzClientPort(InetSocketAddress port, SplittableRandom random) throws IOException {
        var connection = new Connection(port);
        try {
            for (int i = 0; i < CLIENT_INPUTS; i++) {
                if (i % 200 == 199) { // a connection left waiting for a long bulk string takes all that follows
                    connection.close();
                    connection = new Connection(port);
                }
                connection = connection.send(clientInput(random), port);
            }
        } finally {
            connection.close();
        }
        return CLIENT_INPUTS;
    }

    private static byte[] clientInput(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> command(random);
            case 4, 5, 6 -> mutate(command(random), random);
            case 7 -> bytes(random, 1 + random.nextInt(64));
            case 8 -> absurdHeader(random).getBytes(US_ASCII);
            default -> inline(random);
        };
    }

    private static byte[] command(SplittableRandom random) {
        var out = new ByteArrayOutputStream();
        int args = random.nextInt(5);
        out.writeBytes(("*" + (args + 1) + "\r\n").getBytes(US_ASCII));
        bulk(out, COMMANDS.get(random.nextInt(COMMANDS.size())).getBytes(US_ASCII));
        for (int a = 0; a < args; a++) {
            bulk(out, random.nextInt(3) == 0 ? bytes(random, random.nextInt(40))
                    : ("f" + random.nextInt(50)).getBytes(US_ASCII)); // never a "before:" key
        }
        return out.toByteArray();
    }

    private static void bulk(ByteArrayOutputStream out, byte[] data) {
        out.writeBytes(("$" + data.length + "\r\n").getBytes(US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(US_ASCII));
    }

    private static byte[] inline(SplittableRandom random) {
        String line = COMMANDS.get(random.nextInt(COMMANDS.size())) + " f" + random.nextInt(50) + " " + random.nextInt();
        return (line + (random.nextBoolean() ? "\r\n" : "\n")).getBytes(US_ASCII);
    }

    private static String absurdHeader(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> "*" + random.nextLong() + "\r\n";
            case 1 -> "*1\r\n$" + (random.nextBoolean() ? 1L << 31 : random.nextLong()) + "\r\n";
            case 2 -> "*2147483648\r\n";
            case 3 -> "*1\r\n$16777216\r\n"; // within the bulk limit: the bytes must come before memory is held
            case 4 -> "*-1\r\n*0\r\n";
            default -> "*3\r\n$3\r\nSET\r\n$" + random.nextInt(10) + "\r\n";
        };
    }

    private static byte[] mutate(byte[] input, SplittableRandom random) {
        byte[] out = input.clone();
        for (int m = 1 + random.nextInt(3); m > 0 && out.length > 0; m--) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(3)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                default -> out = Arrays.copyOf(out, at); // cut short
            }
        }
        return out;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** One stranger's connection per input: a made-up hello, a frame of noise, or raw bytes. */
    private static int fuzzAsStranger(InetSocketAddress peerPort, SplittableRandom random) throws IOException {
        for (int i = 0; i < STRANGER_INPUTS; i++) {
            byte[] input = switch (random.nextInt(3)) {
                case 0 -> frame(("raft " + random.nextInt(4) + " " + random.nextInt(5) + " " + random.nextInt(5))
                        .getBytes(US_ASCII));
                case 1 -> frame(bytes(random, random.nextInt(200)));
                default -> bytes(random, 1 + random.nextInt(40));
            };
            try (var socket = new Socket()) {
                socket.connect(peerPort, 5000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(input);
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes(); // until the node hangs up on us
            } catch (IOException refusedOrReset) {
                // what a stranger should get
            }
        }
        return STRANGER_INPUTS;
    }

    /**
     * Frames of noise and of damaged messages, each on a connection of its own that passed the
     * handshake: the input ends, and the node's hanging up says it has read it.
     */
    private static int fuzzAsPeer(InetSocketAddress peerPort, PeerHandshake handshake, int from, int to,
            SplittableRandom random) throws IOException {
        for (int i = 0; i < PEER_INPUTS; i++) {
            byte[] message = switch (random.nextInt(3)) {
                case 0 -> bytes(random, random.nextInt(100));
                case 1 -> mutate(MessageCodec.encode(new AppendEntries(from, to, 1 + random.nextInt(3),
                        random.nextInt(200), 1, List.of(), random.nextInt(200))), random);
                default -> mutate(MessageCodec.encode(new RequestVote(from, to, 1 + random.nextInt(3),
                        random.nextInt(200), 1, random.nextBoolean())), random);
            };
            try (var socket = new Socket()) {
                socket.connect(peerPort, 5000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                handshake.connect(socket.getInputStream(), out, from, to);
                out.write(frame(message));
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
            } catch (IOException reset) {
                // it hung up on a bad frame, as it should
            }
        }
        return PEER_INPUTS;
    }

    private static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    /** A client connection whose replies are read and thrown away on a thread of their own. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;

        Connection(InetSocketAddress port) throws IOException {
            socket = new Socket();
            socket.connect(port, 5000);
            out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            Thread drain = new Thread(() -> {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // closed
                }
            }, "fuzz-replies");
            drain.setDaemon(true);
            drain.start();
        }

        /** Sends {@code input}; on a connection the node closed, goes on with a new one. */
        Connection send(byte[] input, InetSocketAddress port) throws IOException {
            try {
                out.write(input);
                return this;
            } catch (IOException closedByTheNode) {
                close();
                var next = new Connection(port);
                next.out.write(input);
                return next;
            }
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
