package rafting.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import rafting.consensus.Membership;
import rafting.election.Settings;
import rafting.election.Proposal;
import rafting.election.RaftNode;
import rafting.election.Ready;
import rafting.election.Role;
import rafting.log.RaftLog;
import rafting.replication.Message;
import rafting.sim.history.CheckResult;
import rafting.sim.history.History;

/**
 * A simulated cluster: {@link RaftNode}s over {@link SimDisk}s, messages in flight between them,
 * and a network that may cut links. It does exactly what each {@link Event} says, and checks the
 * {@link Invariants} as it goes; the same events give the same run, event for event. Nothing in
 * it draws a random number except the nodes' election timeouts, seeded from the scenario.
 *
 * <p>Each server's driver keeps the contract of {@link RaftNode}: after its inputs it takes
 * {@code ready()}, writes the term/vote record, syncs when told to, and only then sends.
 *
 * <p>A client's command that only reads ({@code Command.isRead()}: GET, EXISTS, STRLEN) goes to
 * the server's {@code readIndex}, not its log (Project 11, thesis §6.4), and is answered with
 * {@code KvMachine.query} when the node's driver says it may be; a read the server refuses had no
 * effect.
 */
public final class SimCluster {

    /** What an event did. */
    public enum Outcome {
        /** It happened. */
        DONE,
        /** A delivery that was lost on the way: a cut link, or a stopped server. */
        LOST,
        /** It no longer applies: no such message in flight, or the server is not in that state. */
        SKIPPED
    }

    /** A message in flight; the scheduler may hold it back until a later step. */
    static final class Flight {
        final Message message;
        long heldUntil;

        Flight(Message message) {
        throw new UnsupportedOperationException("Part 6: write Flight");
    }
    }

    public SimCluster(Scenario scenario) {
        throw new UnsupportedOperationException("Part 6: write SimCluster");
    }

    /**
     * Part 8: a cluster whose state machines keep their sessions' replies ({@code exactlyOnce}),
     * or run every retried write again: a client's write goes in a session named after its call
     * ({@code KvMachine.inSession}); once the faults stop, before the final reads, every write a
     * crash left unanswered is sent again, the same text, to the agreed leader, and its call ends
     * with the reply (a retry whose index another entry takes is tried again at the next leader).
     */
    SimCluster(Scenario scenario, boolean exactlyOnce) {
        throw new UnsupportedOperationException("Part 8: write SimCluster with or without sessions");
    }

    /**
     * Part 12: in runs with the everyday commands ({@code Scenario.everyday()}) the history's time
     * is the simulated step, which the leader stamps each entry with ({@code KvMachine.stamped});
     * a read goes through the log when the server's machine has a value that expires before now
     * ({@code KvMachine.nextExpiry() < step}) unless not {@code readsMindExpiry}; MGET is a read;
     * MSET, MSETNX and MGET are recorded as one single-key operation per key.
     */
    SimCluster(Scenario scenario, boolean exactlyOnce, boolean readsMindExpiry) {
        throw new UnsupportedOperationException("Part 12: write SimCluster with the everyday commands");
    }

    // ---------------------------------------------------------------- events

    /** Applies one event and checks the invariants. */
    public Outcome apply(Event event) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.apply");
    }

    // ---------------------------------------------------------------- after the faults

    /**
     * The faults stop: the network heals, every stopped server restarts, and from then on every
     * server ticks once a round and every message is delivered in order. Within {@code bound}
     * ticks a leader that every server follows must be elected, commit an entry of its term and
     * answer a read of every key ({@link Workload#finalReads()}: a lost write shows there);
     * otherwise the run fails {@link Invariants#LIVENESS}.
     *
     * @return the ticks it took, or -1 if it failed
     */
    int settle(int bound) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.settle");
    }

    /**
     * Checks the clients' history so far with the linearizability checker; a history that is not
     * linearizable fails the run {@link Invariants#LINEARIZABILITY}, with the checker's account.
     */
    public CheckResult checkHistory() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.checkHistory");
    }

    // ---------------------------------------------------------------- reading

    /** What the clients asked and were told so far. */
    public History history() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.history");
    }

    /** The first violation of a structural invariant when the scenario does not stop on them, or null. */
    public Violation structuralViolation() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.structuralViolation");
    }

    public Violation violation() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.violation");
    }

    /** Events applied so far. */
    public long step() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.step");
    }

    public int nodes() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.nodes");
    }

    /** Node {@code id} of the current life (or the last one, if it is down). */
    /** Part 7: server {@code id}: its disk, its node and driver, whether it is up and has unflushed inputs. */
    SimServer server(int id) {
        throw new UnsupportedOperationException("Part 7: write SimCluster.server");
    }

    public RaftNode node(int id) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.node");
    }

    public boolean isUp(int id) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.isUp");
    }

    /** The messages in flight, oldest first. */
    public List<Message> inFlight() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.inFlight");
    }

    /** The links cut now. */
    Links cut() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.cut");
    }

    /** The message the last event delivered, dropped or duplicated (a shrunk run may name it loosely), or null. */
    Message handled() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.handled");
    }

    /** Messages put in flight so far: the newest are at the end of the flight list. */
    long sent() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.sent");
    }

    int flightCount() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.flightCount");
    }

    Flight flight(int index) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.flight");
    }

    /** What server {@code id} would restart from: its durable term/vote and log. */
    String disk(int id) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.disk");
    }

    /** One line per server: its state and log, or its disk when it is down. */
    String states() {
        throw new UnsupportedOperationException("Part 6: write SimCluster.states");
    }

    /** {@code n1 leader t=3 vote=1 commit=2 log=[1:no-op, 1:c1]}, or {@code n2 down, disk t=2 vote=1 log=[...]}. */
    String describe(int id) {
        throw new UnsupportedOperationException("Part 6: write SimCluster.describe");
    }
}
