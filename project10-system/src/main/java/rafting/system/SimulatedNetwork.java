package rafting.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import rafting.replication.Message;

/**
 * The network of a {@link KvNodeSimulation}: every message sent waits in flight for a seeded
 * latency (now and then a long one, so messages overtake each other), may be lost or repeated,
 * and reaches its receiver only if the link is up when it arrives. Links are cut one way at a
 * time, so one-way and partial partitions are as easy as full ones.
 */
final class SimulatedNetwork {

    private record Flight(long arrives, long order, Message message) {
    }

    private final RandomGenerator random;
    private final PriorityQueue<Flight> inFlight = new PriorityQueue<>(
            (a, b) -> a.arrives != b.arrives ? Long.compare(a.arrives, b.arrives) : Long.compare(a.order, b.order));
    private final boolean[][] cut;
    private double drop;
    private double duplicate;
    private long sent;
    private long now;

    SimulatedNetwork(int nodes, RandomGenerator random) {
        this.random = random;
        this.cut = new boolean[nodes + 1][nodes + 1];
    }

    /** From now on each message is lost with probability {@code drop} and repeated with {@code duplicate}. */
    void losses(double drop, double duplicate) {
        this.drop = drop;
        this.duplicate = duplicate;
    }

    /** The link from {@code from} to {@code to} carries nothing until {@link #heal}. */
    void cut(int from, int to) {
        cut[from][to] = true;
    }

    /** Every link carries messages again. */
    void heal() {
        for (boolean[] row : cut) {
            Arrays.fill(row, false);
        }
    }

    /** The nodes' way out: what they send leaves now, in simulated time. */
    KvNode.Peers peers() {
        return new KvNode.Peers() {
            @Override
            public void send(Message message) {
                SimulatedNetwork.this.send(message);
            }

            @Override
            public void close() {
            }
        };
    }

    private void send(Message message) {
        if (random.nextDouble() < drop) {
            return;
        }
        int copies = random.nextDouble() < duplicate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long latency = random.nextDouble() < 0.05 ? 5 + random.nextInt(60) : random.nextInt(3);
            inFlight.add(new Flight(now + latency, sent++, message));
        }
    }

    /**
     * Moves time to {@code millis} and hands out what has arrived by then: for each receiver, the
     * messages in arrival order. Messages on a cut link, or to a node that is down, are lost.
     */
    Map<Integer, List<Message>> arrive(long millis, IntPredicate up) {
        now = millis;
        var arrived = new TreeMap<Integer, List<Message>>();
        while (!inFlight.isEmpty() && inFlight.peek().arrives <= millis) {
            Message message = inFlight.poll().message;
            if (!cut[message.from()][message.to()] && up.test(message.to())) {
                arrived.computeIfAbsent(message.to(), to -> new ArrayList<>()).add(message);
            }
        }
        return arrived;
    }

    int inFlight() {
        return inFlight.size();
    }
}
