package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rafting.consensus.Membership;
import rafting.election.Role;
import rafting.election.Settings;
import rafting.replication.Message;
import rafting.sim.Event;
import rafting.sim.explore.Machine;

/**
 * A small cluster of real {@link rafting.election.RaftNode}s as a {@link Machine}: in every state,
 * every event that may happen ({@link Event}), within the {@link Bounds}.
 *
 * <ul>
 *   <li>a running server's timer may fire: one that does not lead times out, a leader sends heartbeats;</li>
 *   <li>a client may propose to a leader (commands "a", "b", ... in order);</li>
 *   <li>any message in flight may be delivered;</li>
 *   <li>if the bounds allow drops, each of the events above that makes a server send may lose
 *       what it sends to any set of servers ({@link Event.Lossy});</li>
 *   <li>a running server may crash, keeping what it synced; a crashed one may restart;</li>
 *   <li>if the bounds allow duplicates, the network may put a second copy of any message in
 *       flight ({@link Event.Duplicate}), to be delivered on its own: a request or an answer that
 *       arrives twice, the second time perhaps much later.</li>
 * </ul>
 *
 * A crashed server receives nothing: the messages to it are lost, those in flight when it
 * crashes and those sent while it is down. What it sent before crashing may still arrive.
 * An event that would take a server past the term bound, or leave more messages in flight than
 * the bound, does not happen: with drops and a bound of one message, a candidate's election
 * happens only with one of its two requests lost, as a leader's heartbeat does.
 */
public final class RaftCoreMachine implements Machine<ClusterState, Event> {

    private final NodeRun.Setup setup;
    private final Bounds bounds;
    /**
     * The last step taken: the lossy variants of an event come right after it and take the same
     * step, so it is taken once (the explorer calls from one thread).
     */
    private ClusterState lastState;
    private Event lastInput;
    private NodeRun.Stepped lastStepped;

    /** Servers 1..{@code bounds.nodes()}, each configured by {@code settings}. */
    public RaftCoreMachine(Settings settings, Bounds bounds) {
        Objects.requireNonNull(settings, "settings");
        if (settings.electionTicksMin() != settings.electionTicksMax()) {
            throw new IllegalArgumentException("explore with a fixed election timeout (electionTicksMin == electionTicksMax,"
                    + " got " + settings.electionTicksMin() + ".." + settings.electionTicksMax() + "): a random one would make"
                    + " a node's reactions depend on more than its state");
        }
        this.setup = new NodeRun.Setup(Membership.ofSize(bounds.nodes()), settings);
        this.bounds = bounds;
    }

    public Bounds bounds() {
        return bounds;
    }

    public Settings settings() {
        return setup.settings();
    }

    @Override
    public List<ClusterState> initialStates() {
        return List.of(ClusterState.initial(setup));
    }

    @Override
    public List<Event> events(ClusterState state) {
        var events = new ArrayList<Event>();
        for (int id : state.ids()) {
            if (!state.isUp(id)) {
                events.add(new Event.Restart(id));
                continue;
            }
            sending(new Event.Fire(id, true), state, events); // a follower times out, a leader sends heartbeats
            if (state.node(id).state().role() == Role.LEADER && state.proposals() < bounds.maxProposals()) {
                sending(new Event.Propose(id, command(state.proposals()), true), state, events);
            }
            if (state.crashes() < bounds.maxCrashes()) {
                events.add(new Event.Crash(id));
            }
        }
        Message previous = null;
        for (Message message : state.inFlight()) {
            if (message.equals(previous)) {
                continue; // a second copy: delivering either is the same event
            }
            previous = message;
            sending(new Event.Deliver(message, true), state, events);
            if (state.duplicates() < bounds.maxDuplicates()) {
                events.add(new Event.Duplicate(message));
            }
        }
        return events;
    }

    /** {@code event}, and with drops, the same event losing what it sends to each set of other servers. */
    private void sending(Event event, ClusterState state, List<Event> events) {
        events.add(event);
        if (!bounds.drops()) {
            return;
        }
        List<Integer> others = state.ids().stream().filter(id -> id != event.node()).toList();
        for (int set = 1; set < 1 << others.size(); set++) {
            var lostTo = new ArrayList<Integer>();
            for (int i = 0; i < others.size(); i++) {
                if ((set & 1 << i) != 0) {
                    lostTo.add(others.get(i));
                }
            }
            events.add(new Event.Lossy(event, lostTo));
        }
    }

    /** The command of the {@code n}-th proposal, from 0: "a", "b", ... */
    static String command(int n) {
        return String.valueOf((char) ('a' + n));
    }

    @Override
    public Optional<ClusterState> next(ClusterState state, Event event) {
        if (event instanceof Event.Duplicate duplicate) {
            boolean room = state.duplicates() < bounds.maxDuplicates() && state.inFlight().size() < bounds.maxInFlight();
            return room ? Optional.of(state.withDuplicate(duplicate.message())) : Optional.empty();
        }
        var inFlight = new ArrayList<>(state.inFlight());
        int proposals = state.proposals();
        int crashes = state.crashes();
        NodeRun server = state.server(event.node());
        NodeRun changed;
        if (event instanceof Event.Crash) {
            changed = server.crash();
            crashes++;
        } else if (event instanceof Event.Restart) {
            changed = server.restart(setup);
        } else {
            Event input = event instanceof Event.Lossy lossy ? lossy.cause() : event;
            if (input instanceof Event.Deliver deliver) {
                remove(inFlight, deliver.message());
            }
            NodeRun.Stepped stepped = step(state, server, input);
            if (stepped == null) {
                return Optional.empty();
            }
            changed = stepped.run();
            List<Message> sent = stepped.sent();
            if (event instanceof Event.Lossy lossy) {
                // Each server named must lose something, or this event would repeat a shorter one.
                if (!lossy.lostTo().stream().allMatch(to -> sent.stream().anyMatch(m -> m.to() == to))) {
                    return Optional.empty();
                }
                sent.stream().filter(m -> !lossy.lostTo().contains(m.to())).forEach(inFlight::add);
            } else {
                inFlight.addAll(sent);
            }
            if (input instanceof Event.Propose) {
                proposals++;
            }
        }
        ClusterState next = state.with(changed, inFlight, proposals, crashes);
        boolean termsWithin = next.ids().stream().allMatch(id -> next.term(id) <= bounds.maxTerm());
        return termsWithin && next.inFlight().size() <= bounds.maxInFlight() ? Optional.of(next) : Optional.empty();
    }

    private NodeRun.Stepped step(ClusterState state, NodeRun server, Event input) {
        if (state != lastState || !input.equals(lastInput)) {
            lastStepped = server.step(input, setup);
            lastState = state;
            lastInput = input;
        }
        return lastStepped;
    }

    private static void remove(List<Message> inFlight, Message message) {
        if (!inFlight.remove(message)) {
            throw new IllegalArgumentException("not in flight: " + message);
        }
    }
}
