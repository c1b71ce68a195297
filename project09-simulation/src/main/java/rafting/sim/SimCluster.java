package rafting.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.election.Settings;
import rafting.election.RaftNode;
import rafting.election.Driver;
import rafting.election.Flaw;
import rafting.election.Role;
import rafting.replication.Message;
import rafting.sim.history.CheckResult;
import rafting.sim.history.Command;
import rafting.sim.history.History;

/**
 * A simulated cluster: {@link RaftNode}s over {@link SimDisk}s, messages in flight between them,
 * and a network that may cut links. It does exactly what each {@link Event} says, and checks the
 * {@link Invariants} as it goes; the same events give the same run, event for event. Nothing in
 * it draws a random number except the nodes' election timeouts, seeded from the scenario.
 *
 * <p>Each server runs project 7's {@link Driver}, the same one the real node runs, so every
 * simulated run exercises its order of writes, syncs and sends.
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
            this.message = message;
        }
    }

    private static final int MAX_DELIVERIES_PER_TICK = 100_000;

    private final Scenario scenario;
    private final boolean exactlyOnce;
    /** Whether a read that could see a value expire goes through the log (see {@link #read}); off only to show the check catches it. */
    private final boolean readsMindExpiry;
    private final Settings settings;
    private final Membership members;
    private final SimServer[] servers;
    private final Invariants invariants;
    private final Clients clients;
    private final List<Flight> flights = new ArrayList<>();
    private Links cut = Links.NONE;
    private long step;
    private long sent;
    private Message handled;
    private List<Integer> lostTo = List.of(); // while a Lossy event runs: whom what is sent never reaches
    private final List<Applied> appliedNow = new ArrayList<>();
    private SimServer flushing; // the server whose driver runs now
    private long reads; // read ids: one count for the whole run
    /** Where every driver's output goes: messages in flight (unless the link is cut), entries applied, reads answered. */
    private final Driver.Outbox outbox = new Driver.Outbox() {
        @Override
        public void send(Message message) {
            if (!cut.isCut(message.from(), message.to()) && !lostTo.contains(message.to())) {
                flights.add(new Flight(message));
                sent++;
            }
        }

        @Override
        public void applied(Applied applied) {
            appliedNow.add(applied);
        }

        @Override
        public void read(long readId, boolean answerable) {
            // Answered from the state machine as it is at this moment of the flush.
            clients.read(flushing.id, readId, answerable, flushing.machine);
        }
    };

    public SimCluster(Scenario scenario) {
        this(scenario, true);
    }

    /**
     * A cluster whose state machines keep their sessions' replies ({@code exactlyOnce}), or, to
     * show that the history check would see it, run every retried write again.
     */
    SimCluster(Scenario scenario, boolean exactlyOnce) {
        this(scenario, exactlyOnce, true);
    }

    /**
     * The same, whose leaders answer every read at the read index if not {@code readsMindExpiry},
     * even one that could see a value expire that the log's time has not reached: the stale read
     * that the history check must catch in runs with expiry.
     */
    SimCluster(Scenario scenario, boolean exactlyOnce, boolean readsMindExpiry) {
        this.exactlyOnce = exactlyOnce;
        this.readsMindExpiry = readsMindExpiry;
        this.scenario = scenario;
        this.settings = scenario.settings();
        this.members = Membership.ofSize(scenario.nodes());
        this.servers = new SimServer[scenario.nodes() + 1];
        this.invariants = new Invariants(servers, scenario.structuralChecks());
        this.clients = new Clients(scenario.nodes(), scenario.everyday() ? () -> step : null);
        for (int id = 1; id <= scenario.nodes(); id++) {
            servers[id] = new SimServer(id, new SimDisk(id, invariants));
            start(servers[id]);
        }
    }

    // ---------------------------------------------------------------- events

    /** Applies one event and checks the invariants. */
    public Outcome apply(Event event) {
        step++;
        handled = null;
        invariants.atStep(step);
        try {
            return dispatch(event);
        } catch (RuntimeException e) {
            invariants.fail(Invariants.CORE_FAILURE, e.toString());
            return Outcome.DONE;
        }
    }

    private Outcome dispatch(Event event) {
        if (event instanceof Event.Lossy lossy) {
            lostTo = lossy.lostTo();
            try {
                return dispatch(lossy.cause());
            } finally {
                lostTo = List.of();
            }
        }
        if (event instanceof Event.Deliver deliver) {
            return deliver(find(deliver.message()), deliver.flush());
        }
        if (event instanceof Event.Fire fire) {
            return fire(servers[fire.node()], fire.flush());
        }
        if (event instanceof Event.Drop drop) {
            int at = find(drop.message());
            if (at < 0) {
                return Outcome.SKIPPED;
            }
            handled = flights.remove(at).message;
            return Outcome.DONE;
        }
        if (event instanceof Event.Duplicate duplicate) {
            int at = find(duplicate.message());
            if (at < 0) {
                return Outcome.SKIPPED;
            }
            handled = flights.get(at).message;
            flights.add(new Flight(handled));
            sent++;
            return Outcome.DONE;
        }
        if (event instanceof Event.Propose propose) {
            SimServer server = servers[propose.node()];
            if (!server.up) {
                return Outcome.SKIPPED;
            }
            if (isRead(propose.command())) {
                read(server, propose.command());
            } else {
                clients.write(server.id, propose.command(), server.node::propose);
            }
            return input(server, propose.flush());
        }
        if (event instanceof Event.Crash crash) {
            return crash(servers[crash.node()]);
        }
        if (event instanceof Event.Restart restart) {
            SimServer server = servers[restart.node()];
            if (server.up) {
                return Outcome.SKIPPED;
            }
            server.incarnation++;
            start(server);
            invariants.restarted(server);
            return Outcome.DONE;
        }
        if (event instanceof Event.Writeback writeback) {
            SimServer server = servers[writeback.node()];
            if (!server.up || server.pending || !server.disk.dirty()) {
                return Outcome.SKIPPED; // a server between ready() calls has written nothing half-way
            }
            server.disk.sync();
            return Outcome.DONE;
        }
        cut = ((Event.Partition) event).cut();
        return Outcome.DONE;
    }

    private Outcome deliver(int at, boolean flush) {
        if (at < 0) {
            return Outcome.SKIPPED;
        }
        Message message = flights.remove(at).message;
        handled = message;
        SimServer server = servers[message.to()];
        if (cut.isCut(message.from(), message.to()) || !server.up) {
            return Outcome.LOST;
        }
        server.node.receive(message);
        return input(server, flush);
    }

    /** Node {@code server}'s next timer fires: it ticks until its election timeout, or as a leader until its next heartbeat or quorum check. */
    private Outcome fire(SimServer server, boolean flush) {
        if (!server.up) {
            return Outcome.SKIPPED;
        }
        for (int i = Event.Fire.ticksUntilDue(server.node); i > 0; i--) {
            server.node.tick();
        }
        return input(server, flush);
    }

    /**
     * A client's read goes to {@code server}'s read index, not its log; unless a value could have
     * expired by now that the log's time has not reached: then it goes through the log, whose
     * entry carries the leader's time to every replica (as in project 10's {@code KvNode}).
     */
    private void read(SimServer server, String text) {
        if (readsMindExpiry && server.machine.nextExpiry() < step) {
            clients.write(server.id, text, server.node::propose);
            return;
        }
        long readId = ++reads;
        clients.reading(server.id, readId, text, server.node.readIndex(readId));
    }

    private static boolean isRead(String text) {
        Command command = Command.parse(text);
        return command != null ? command.isRead() : text.startsWith("MGET ");
    }

    private Outcome crash(SimServer server) {
        if (!server.up) {
            return Outcome.SKIPPED;
        }
        server.up = false;
        server.pending = false;
        server.disk.crash();
        invariants.crashed(server);
        clients.crashed(server.id);
        return Outcome.DONE;
    }

    private Outcome input(SimServer server, boolean flush) {
        server.pending = true;
        if (flush) {
            flush(server);
        }
        return Outcome.DONE;
    }

    /** The node's {@link Driver} does what it asks; then the invariants and the clients see what it applied. */
    private void flush(SimServer server) {
        flushing = server;
        server.driver.flush();
        flushing = null;
        server.pending = false;
        var applied = List.copyOf(appliedNow);
        appliedNow.clear();
        invariants.flushed(server, applied);
        clients.applied(server.id, applied);
    }

    private void start(SimServer server) {
        var random = new SplittableRandom(scenario.seed() * 1_000_003L + server.id * 7_919L + server.incarnation * 104_729L);
        server.node = new RaftNode(server.id, members, settings, server.disk.snapshot(), server.disk.durableStorage(),
                server.disk.durableTermVote(), random);
        server.machine = new KvMachine(exactlyOnce, !settings.has(Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT));
        server.driver = new Driver(server.node, server.disk, server.machine, outbox);
        server.up = true;
        server.pending = false;
    }

    /**
     * The message in flight that {@code message} names: the same object, else an equal message,
     * else (when a shrunk run changed what was sent) the oldest of the same kind between the
     * same servers in the same term, else the newest of that kind in any term (the terms of a
     * shrunk run drift, and the oldest messages are stale ones). -1 when there is none.
     */
    private int find(Message message) {
        for (int i = 0; i < flights.size(); i++) {
            if (flights.get(i).message == message) {
                return i;
            }
        }
        for (int i = 0; i < flights.size(); i++) {
            if (flights.get(i).message.equals(message)) {
                return i;
            }
        }
        int sameKind = -1;
        for (int i = 0; i < flights.size(); i++) {
            Message other = flights.get(i).message;
            if (other.getClass() == message.getClass() && other.from() == message.from() && other.to() == message.to()) {
                if (other.term() == message.term()) {
                    return i;
                }
                sameKind = i;
            }
        }
        return sameKind;
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
        step++;
        invariants.atStep(step);
        try {
            return calm(bound);
        } catch (RuntimeException e) {
            invariants.fail(Invariants.CORE_FAILURE, e.toString());
            return -1;
        }
    }

    private int calm(int bound) {
        cut = Links.NONE;
        for (int id = 1; id < servers.length; id++) {
            SimServer server = servers[id];
            if (!server.up) {
                server.incarnation++;
                start(server);
                invariants.restarted(server);
            } else if (server.pending) {
                flush(server);
            }
        }
        int reader = RaftNode.NONE;
        long readerTerm = 0;
        for (int tick = 1; tick <= bound && invariants.violation() == null; tick++) {
            for (int id = 1; id < servers.length; id++) {
                servers[id].node.tick();
                flush(servers[id]);
            }
            deliverAll();
            RaftNode leader = agreedLeader();
            if (reader != RaftNode.NONE && (leader == null || leader.id() != reader || leader.term() != readerTerm)) {
                reader = RaftNode.NONE; // its leader lost office: its reads are refused, read again
            }
            if (leader != null && reader == RaftNode.NONE) {
                clients.retryOn(leader.id(), leader::propose); // the writes that crashes left unanswered
                for (String text : Workload.finalReads()) {
                    read(servers[leader.id()], text);
                }
                reader = leader.id();
                readerTerm = leader.term();
                flush(servers[reader]);
                deliverAll();
            }
            // A read is answered only once the leader has committed an entry of its own term.
            if (reader != RaftNode.NONE && !clients.hasReads(reader)) {
                return tick;
            }
        }
        invariants.fail(Invariants.LIVENESS, "no leader committed an entry of its term and answered a read of every key"
                + " within " + bound + " ticks after the faults stopped: " + states());
        return -1;
    }

    private void deliverAll() {
        for (int count = 0; !flights.isEmpty() && invariants.violation() == null; count++) {
            if (count == MAX_DELIVERIES_PER_TICK) {
                throw new IllegalStateException("still delivering after " + count + " messages in one tick");
            }
            deliver(0, true);
        }
    }

    /** The leader that every server follows at its own term, or null. */
    private RaftNode agreedLeader() {
        RaftNode leader = null;
        for (int id = 1; id < servers.length; id++) {
            if (servers[id].node.role() == Role.LEADER) {
                leader = servers[id].node;
            }
        }
        if (leader == null) {
            return null;
        }
        for (int id = 1; id < servers.length; id++) {
            RaftNode node = servers[id].node;
            if (node.term() != leader.term() || node.leaderId() != leader.id()) {
                return null;
            }
        }
        return leader;
    }

    /**
     * Checks the clients' history so far with the linearizability checker; a history that is not
     * linearizable fails the run {@link Invariants#LINEARIZABILITY}, with the checker's account.
     */
    public CheckResult checkHistory() {
        CheckResult result = clients.check();
        if (result.outcome() == CheckResult.Outcome.NOT_LINEARIZABLE) {
            invariants.fail(Invariants.LINEARIZABILITY, "the clients' history is not linearizable: " + result.explanation());
        }
        return result;
    }

    // ---------------------------------------------------------------- reading

    /** What the clients asked and were told so far. */
    public History history() {
        return clients.history();
    }

    /** The first violation of a structural invariant when the scenario does not stop on them, or null. */
    public Violation structuralViolation() {
        return invariants.structuralViolation();
    }

    public Violation violation() {
        return invariants.violation();
    }

    /** Events applied so far. */
    public long step() {
        return step;
    }

    public int nodes() {
        return servers.length - 1;
    }

    /** Node {@code id} of the current life (or the last one, if it is down). */
    /** Server {@code id}: its disk, its node and driver, whether it is up and has unflushed inputs. */
    SimServer server(int id) {
        return servers[id];
    }

    public RaftNode node(int id) {
        return servers[id].node;
    }

    public boolean isUp(int id) {
        return servers[id].up;
    }

    /** The messages in flight, oldest first. */
    public List<Message> inFlight() {
        return flights.stream().map(flight -> flight.message).toList();
    }

    /** The links cut now. */
    Links cut() {
        return cut;
    }

    /** The message the last event delivered, dropped or duplicated (a shrunk run may name it loosely), or null. */
    Message handled() {
        return handled;
    }

    /** Messages put in flight so far: the newest are at the end of the flight list. */
    long sent() {
        return sent;
    }

    int flightCount() {
        return flights.size();
    }

    Flight flight(int index) {
        return flights.get(index);
    }

    /** What server {@code id} would restart from: its durable term/vote, snapshot and log. */
    String disk(int id) {
        SimDisk disk = servers[id].disk;
        var log = new StringBuilder(disk.firstIndex() > 1 ? "base=" + (disk.firstIndex() - 1) + "/" + disk.snapshot().term() + " [" : "[");
        for (long index = disk.firstIndex(); index <= disk.durableLastIndex(); index++) {
            log.append(index == disk.firstIndex() ? "" : ", ").append(disk.durable(index));
        }
        return disk.durableTermVote() + " log=" + log.append(']');
    }

    /** One line per server: its state and log, or its disk when it is down. */
    String states() {
        var text = new StringBuilder();
        for (int id = 1; id < servers.length; id++) {
            text.append("\n  ").append(describe(id));
        }
        return text.toString();
    }

    /** {@code n1 leader t=3 vote=1 commit=2 log=[1:no-op, 1:c1]}, or {@code n2 down, disk t=2 vote=1 log=[...]}. */
    String describe(int id) {
        SimServer server = servers[id];
        if (!server.up) {
            return "n" + id + " down, disk " + disk(id);
        }
        RaftNode node = server.node;
        return "n" + id + " " + node.role() + " " + node.termVote() + " commit=" + node.commitIndex() + " log=" + node.log()
                + (server.pending ? " (unflushed)" : "");
    }
}
