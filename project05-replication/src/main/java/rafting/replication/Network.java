package rafting.replication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * An in-memory network for tests and for learners at jshell: messages wait in flight until you
 * deliver, drop, duplicate or reorder them, and links can be cut. There are no threads: nothing
 * happens until you call a method.
 *
 * <p>A node is anything that takes a message and returns the messages it wants to send
 * ({@link Node}): a follower, a fixed leader, or a whole Raft server. Messages that cross a cut
 * link are lost, whether they were sent before or after the cut.
 */
public final class Network {

    /** One server on the network: it receives a message and answers with the messages to send. */
    @FunctionalInterface
    public interface Node {
        List<? extends Message> receive(Message message);
    }

    /** A server that answers nothing, until a real one is attached. */
    private static final Node SILENT = message -> List.of();

    /** Deliveries {@link #deliverAll()} makes before it decides the messages never stop. */
    private static final int MAX_DELIVERIES = 1_000_000;

    private final Map<Integer, Node> nodes = new TreeMap<>();
    private final List<Message> inFlight = new ArrayList<>();
    private final Set<Long> cutLinks = new HashSet<>();
    private long delivered;
    private long dropped;

    private Network(Collection<Integer> ids) {
        for (int id : ids) {
            if (id < 1) {
                throw new IllegalArgumentException("servers are numbered from 1, got " + id);
            }
            nodes.put(id, SILENT);
        }
    }

    /** A network of servers 1..{@code size}, none of them attached yet. */
    public static Network of(int size) {
        var ids = new ArrayList<Integer>();
        for (int id = 1; id <= size; id++) {
            ids.add(id);
        }
        return new Network(ids);
    }

    /** Makes {@code node} the server numbered {@code id}; returns this network. */
    public Network attach(int id, Node node) {
        checkServer(id);
        nodes.put(id, node);
        return this;
    }

    /** The servers' ids, in order. */
    public Set<Integer> ids() {
        return Collections.unmodifiableSet(nodes.keySet());
    }

    /** Puts messages in flight; those crossing a cut link are lost at once. */
    public void send(Collection<? extends Message> messages) {
        messages.forEach(this::send);
    }

    /** Puts one message in flight, or loses it if its link is cut. */
    public void send(Message message) {
        checkServer(message.from());
        checkServer(message.to());
        if (linkUp(message)) {
            inFlight.add(message);
        } else {
            dropped++;
        }
    }

    /** The messages in flight, oldest first. */
    public List<Message> inFlight() {
        return List.copyOf(inFlight);
    }

    /** Delivers the oldest message in flight; false when there was none. */
    public boolean deliverOne() {
        if (inFlight.isEmpty()) {
            return false;
        }
        deliver(0);
        return true;
    }

    /** Delivers the message at {@code position} in {@link #inFlight()} and returns it: later ones can overtake earlier ones. */
    public Message deliver(int position) {
        Message message = inFlight.remove(position);
        if (!linkUp(message)) {
            dropped++;
            return message;
        }
        delivered++;
        send(nodes.get(message.to()).receive(message));
        return message;
    }

    /** Delivers the first message in flight that {@code which} accepts; false when none does. */
    public boolean deliverFirst(Predicate<Message> which) {
        for (int i = 0; i < inFlight.size(); i++) {
            if (which.test(inFlight.get(i))) {
                deliver(i);
                return true;
            }
        }
        return false;
    }

    /** Delivers messages, and the answers they cause, until none is in flight; returns how many were delivered. */
    public int deliverAll() {
        long before = delivered;
        while (deliverOne()) {
            if (delivered - before >= MAX_DELIVERIES) {
                throw new IllegalStateException(
                        "still delivering after " + MAX_DELIVERIES + " messages: the servers never go quiet");
            }
        }
        return (int) (delivered - before);
    }

    /** Loses the message at {@code position} in {@link #inFlight()} and returns it. */
    public Message drop(int position) {
        dropped++;
        return inFlight.remove(position);
    }

    /** Loses every message in flight that {@code which} accepts; returns how many. */
    public int dropIf(Predicate<Message> which) {
        int before = inFlight.size();
        inFlight.removeIf(which);
        int count = before - inFlight.size();
        dropped += count;
        return count;
    }

    /** Loses every message in flight; returns how many. */
    public int dropAll() {
        return dropIf(message -> true);
    }

    /** Puts a second copy of the message at {@code position} in flight, at the end. */
    public void duplicate(int position) {
        inFlight.add(inFlight.get(position));
    }

    /** Shuffles the messages in flight. */
    public void reorder(RandomGenerator random) {
        for (int i = inFlight.size() - 1; i > 0; i--) {
            Collections.swap(inFlight, i, random.nextInt(i + 1));
        }
    }

    /** Cuts every link to and from {@code id}, both ways. */
    public void isolate(int id) {
        for (int other : nodes.keySet()) {
            if (other != id) {
                cut(id, other);
                cut(other, id);
            }
        }
    }

    /** Cuts the link from {@code from} to {@code to}, one way: messages the other way still pass. */
    public void cut(int from, int to) {
        checkServer(from);
        checkServer(to);
        cutLinks.add(link(from, to));
    }

    /** Restores every link to and from {@code id}; links cut between other servers stay cut. */
    public void reconnect(int id) {
        checkServer(id);
        cutLinks.removeIf(link -> (int) (link >>> 32) == id || (int) (long) link == id);
    }

    /** Restores every link. */
    public void heal() {
        cutLinks.clear();
    }

    /** Messages handed to their servers so far. */
    public long delivered() {
        return delivered;
    }

    /** Messages lost so far, on cut links or dropped on purpose. */
    public long dropped() {
        return dropped;
    }

    /** One message in flight per line. */
    @Override
    public String toString() {
        var text = new StringBuilder(inFlight.size() + " in flight");
        inFlight.forEach(message -> text.append("\n  ").append(message));
        return text.toString();
    }

    private boolean linkUp(Message message) {
        return !cutLinks.contains(link(message.from(), message.to()));
    }

    private static long link(int from, int to) {
        return ((long) from << 32) | to;
    }

    private void checkServer(int id) {
        if (!nodes.containsKey(id)) {
            throw new IllegalArgumentException("no server " + id + " on this network of " + nodes.keySet());
        }
    }
}
