package rafting.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import rafting.kv.Bytes;
import rafting.kv.Reply;
import rafting.kv.RespReader;
import rafting.sim.history.Command;
import rafting.sim.history.History;

/**
 * One client of a {@link KvNodeSimulation}, behaving as {@code redis-cli -c} would: one command
 * at a time, sent to the node it believes leads, through the same {@link ClientSession#answer}
 * that serves the client port. {@code -MOVED} sends it to the node named, {@code -CLUSTERDOWN} to
 * another node a little later, and a command left without a reply for {@link #TIMEOUT_MILLIS}
 * stays open in the history (its outcome is unknown) while the client moves on.
 *
 * <p>Each command is recorded in the shared {@link History} when it is sent, and ends with its
 * reply; a command that certainly had no effect ({@code -MOVED}, {@code -CLUSTERDOWN},
 * {@code -ERR lost}, a node that is down) is discarded.
 */
final class SimulatedClient {

    static final long TIMEOUT_MILLIS = 1_000;
    static final List<String> KEYS = List.of("x", "y", "z");
    private static final RespReader.Limits REPLY_LIMITS = new RespReader.Limits(16, 1 << 10, 1 << 10);

    /** One command sent and its fate. */
    private final class Attempt {
        final History.Call call;
        final Command command;
        final long sent;

        Attempt(History.Call call, Command command, long sent) {
            this.call = call;
            this.command = command;
            this.sent = sent;
        }
    }

    private final int id;
    private final int nodes;
    private final History history;
    private final RandomGenerator random;
    private final List<String> problems;
    private final ClusterFile cluster;
    private final ClusterCommands[] commands; // what each node's client port answers itself
    private int target;
    private long readyAt;
    private Attempt current;
    private long now;
    private int sent;
    private int acknowledged;
    private final Map<String, String> seen = new HashMap<>(); // the last value read or written, per key

    SimulatedClient(int id, ClusterFile cluster, History history, RandomGenerator random, List<String> problems) {
        this.id = id;
        this.cluster = cluster;
        this.nodes = cluster.nodes().size();
        this.history = history;
        this.random = random;
        this.problems = problems;
        this.target = 1 + random.nextInt(nodes);
        this.commands = new ClusterCommands[nodes + 1];
        for (int node = 1; node <= nodes; node++) {
            commands[node] = new ClusterCommands(node, cluster);
        }
    }

    /** How many of this client's commands got a definite answer so far. */
    int acknowledged() {
        return acknowledged;
    }

    /** Time is {@code millis}: gives up on a late reply, or sends the next command if it is time. */
    void act(long millis, IntFunction<KvNode> running) {
        now = millis;
        if (current != null) {
            if (now - current.sent < TIMEOUT_MILLIS) {
                return;
            }
            current = null; // gives up: the call stays open, and may still end if a reply comes
            retarget(0);
        }
        if (now < readyAt) {
            return;
        }
        Command command = nextCommand();
        History.Call call = history.invoke(id, command);
        KvNode node = running.apply(target);
        if (node == null) {
            call.discard(); // connection refused: nothing was sent
            retarget(10);
            return;
        }
        Attempt attempt = new Attempt(call, command, now);
        current = attempt;
        List<Bytes> request = new ArrayList<>();
        for (String word : command.toString().split(" ")) {
            request.add(Bytes.of(word));
        }
        CompletableFuture<byte[]> reply = ClientSession.answer(node, commands[target], List.of(request)).get(0);
        reply.thenAccept(bytes -> replied(attempt, read(bytes)));
    }

    private void replied(Attempt attempt, Reply reply) {
        boolean waitedFor = attempt == current;
        if (waitedFor) {
            current = null;
            readyAt = now + random.nextInt(20);
        }
        if (!(reply instanceof Reply.Error error)) {
            String text = historyReply(reply);
            attempt.call.returned(text);
            acknowledged++;
            Command command = attempt.command;
            if (command.kind() == Command.Kind.GET && text != null) {
                seen.put(command.key(), text);
            } else if (command.kind() == Command.Kind.SET) {
                seen.put(command.key(), command.value());
            }
            return;
        }
        attempt.call.discard();
        String message = error.message();
        if (message.startsWith("MOVED ")) {
            if (waitedFor) {
                target = nodeAt(message.substring(message.lastIndexOf(' ') + 1));
            }
        } else if (message.startsWith("CLUSTERDOWN")) {
            if (waitedFor) {
                retarget(50);
            }
        } else if (!message.startsWith("ERR lost")) {
            problems.add("client " + id + ": " + attempt.command + " got an error no client should see: " + error);
        }
    }

    /** Another node, in a while. */
    private void retarget(long pause) {
        target = 1 + (target + random.nextInt(nodes - 1)) % nodes;
        readyAt = now + pause;
    }

    private int nodeAt(String hostPort) {
        return cluster.nodes().entrySet().stream()
                .filter(node -> ClusterFile.hostPort(node.getValue().client()).equals(hostPort))
                .findFirst().orElseThrow(() -> new IllegalStateException("MOVED to an unknown address " + hostPort))
                .getKey();
    }

    /** SETs of values no one wrote before, GETs and CASes, on a few shared keys. */
    private Command nextCommand() {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        String value = "c" + id + "." + ++sent;
        int kind = random.nextInt(10);
        if (kind < 4) {
            return Command.set(key, value);
        }
        if (kind < 8) {
            return Command.get(key);
        }
        return Command.cas(key, seen.getOrDefault(key, "none"), value);
    }

    private static Reply read(byte[] resp) {
        try {
            return new RespReader(new ByteArrayInputStream(resp), REPLY_LIMITS).readReply();
        } catch (IOException e) {
            throw new UncheckedIOException("a node wrote a reply that does not parse", e);
        }
    }

    /** A reply as the history writes it: nil as null, numbers and strings as their text. */
    static String historyReply(Reply reply) {
        return reply instanceof Reply.Nil ? null
                : reply instanceof Reply.Int i ? Long.toString(i.value())
                : reply instanceof Reply.Bulk b ? b.value().asString() : reply.toString();
    }
}
