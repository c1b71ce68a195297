package rafting.replication;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Part 3: an in-memory network for tests and for learners at jshell: messages wait in flight
 * until you deliver, drop, duplicate or reorder them, and links can be cut. There are no threads:
 * nothing happens until you call a method.
 *
 * <p>A node is anything that takes a message and returns the messages it wants to send
 * ({@link Node}). A server not attached yet answers nothing. Messages that cross a cut link are
 * lost, whether they were sent before or after the cut: {@link #send} drops them at once, and
 * delivering one that was in flight when its link was cut drops it instead. Every lost message
 * counts in {@link #dropped()}.
 *
 * <p>Naming a server that is not on the network (in {@link #attach}, {@link #send}, {@link #cut},
 * {@link #reconnect}) is an {@link IllegalArgumentException} with exactly the message
 * {@code no server 4 on this network of [1, 2, 3]}.
 */
public final class Network {

    /** One server on the network: it receives a message and answers with the messages to send. */
    @FunctionalInterface
    public interface Node {
        List<? extends Message> receive(Message message);
    }

    /** The one constructor {@link #of} calls: servers {@code ids}, numbered from 1, none attached yet. */
    private Network(Collection<Integer> ids) {
        throw new UnsupportedOperationException("Part 3: a network of these servers");
    }

    /** A network of servers 1..{@code size}, none of them attached yet. */
    public static Network of(int size) {
        throw new UnsupportedOperationException("Part 3: a network of servers 1..size");
    }

    /** Makes {@code node} the server numbered {@code id}; returns this network. */
    public Network attach(int id, Node node) {
        throw new UnsupportedOperationException("Part 3: attach a server");
    }

    /** The servers' ids, in order, read-only. */
    public Set<Integer> ids() {
        throw new UnsupportedOperationException("Part 3: the servers' ids");
    }

    /** Puts messages in flight, in order; those crossing a cut link are lost at once. */
    public void send(Collection<? extends Message> messages) {
        throw new UnsupportedOperationException("Part 3: send messages");
    }

    /** Puts one message in flight, at the end, or loses it if its link is cut. */
    public void send(Message message) {
        throw new UnsupportedOperationException("Part 3: send a message");
    }

    /** A copy of the messages in flight, oldest first. */
    public List<Message> inFlight() {
        throw new UnsupportedOperationException("Part 3: what is in flight");
    }

    /** Delivers the oldest message in flight (see {@link #deliver}); false when there was none. */
    public boolean deliverOne() {
        throw new UnsupportedOperationException("Part 3: deliver the oldest message");
    }

    /**
     * Takes the message at {@code position} in {@link #inFlight()} out of flight and returns it:
     * later ones can overtake earlier ones. If its link is up, hands it to its server and sends
     * (with {@link #send}) whatever the server answers; if its link is cut, it is lost.
     */
    public Message deliver(int position) {
        throw new UnsupportedOperationException("Part 3: deliver one message");
    }

    /** Delivers the first message in flight that {@code which} accepts; false when none does. */
    public boolean deliverFirst(Predicate<Message> which) {
        throw new UnsupportedOperationException("Part 3: deliver the first match");
    }

    /**
     * Delivers messages, oldest first, and the answers they cause, until none is in flight;
     * returns how many were delivered (lost ones do not count). Servers that never go quiet are an
     * {@link IllegalStateException} whose message contains {@code never go quiet}, after a bound
     * (the reference stops at 1,000,000 deliveries).
     */
    public int deliverAll() {
        throw new UnsupportedOperationException("Part 3: deliver until quiet");
    }

    /** Loses the message at {@code position} in {@link #inFlight()} and returns it. */
    public Message drop(int position) {
        throw new UnsupportedOperationException("Part 3: drop one message");
    }

    /** Loses every message in flight that {@code which} accepts; returns how many. */
    public int dropIf(Predicate<Message> which) {
        throw new UnsupportedOperationException("Part 3: drop the matches");
    }

    /** Loses every message in flight; returns how many. */
    public int dropAll() {
        throw new UnsupportedOperationException("Part 3: drop everything");
    }

    /** Puts a second copy of the message at {@code position} in flight, at the end. */
    public void duplicate(int position) {
        throw new UnsupportedOperationException("Part 3: duplicate a message");
    }

    /** Shuffles the messages in flight with {@code random} (seeded by the caller, so runs repeat). */
    public void reorder(RandomGenerator random) {
        throw new UnsupportedOperationException("Part 3: shuffle what is in flight");
    }

    /** Cuts every link to and from {@code id}, both ways. */
    public void isolate(int id) {
        throw new UnsupportedOperationException("Part 3: isolate a server");
    }

    /** Cuts the link from {@code from} to {@code to}, one way: messages the other way still pass. */
    public void cut(int from, int to) {
        throw new UnsupportedOperationException("Part 3: cut one link");
    }

    /** Restores every link to and from {@code id}; links cut between other servers stay cut. */
    public void reconnect(int id) {
        throw new UnsupportedOperationException("Part 3: reconnect a server");
    }

    /** Restores every link. */
    public void heal() {
        throw new UnsupportedOperationException("Part 3: restore every link");
    }

    /** Messages handed to their servers so far. */
    public long delivered() {
        throw new UnsupportedOperationException("Part 3: count deliveries");
    }

    /** Messages lost so far, on cut links or dropped on purpose. */
    public long dropped() {
        throw new UnsupportedOperationException("Part 3: count losses");
    }

    /** {@code 1 in flight}, then one message per line, each indented by two spaces: {@code "1 in flight\n  1->2 AppendEntries ..."}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 3: what is in flight, one per line");
    }
}
