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
 *   <li>a running server that does not lead may time out, and a leader may send heartbeats;</li>
 *   <li>a client may propose to a leader (commands "a", "b", ... in order);</li>
 *   <li>any message in flight may be delivered;</li>
 *   <li>if the bounds allow drops, each of the events above that makes a server send may lose
 *       what it sends to any set of servers ({@link Event.Lossy});</li>
 *   <li>a running server may crash, keeping what it synced; a crashed one may restart.</li>
 * </ul>
 *
 * A crashed server receives nothing: the messages to it are lost, those in flight when it
 * crashes and those sent while it is down. What it sent before crashing may still arrive.
 * An event that would take a server past the term bound, or leave more messages in flight than
 * the bound, does not happen: with drops and a bound of one message, a candidate's election
 * happens only with one of its two requests lost, as a leader's heartbeat does.
 */
public final class RaftCoreMachine implements Machine<ClusterState, Event> {

    /** Servers 1..{@code bounds.nodes()}, each configured by {@code settings}. */
    public RaftCoreMachine(Settings settings, Bounds bounds) {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine");
    }

    public Bounds bounds() {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine.bounds");
    }

    public Settings settings() {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine.settings");
    }

    @Override
    public List<ClusterState> initialStates() {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine.initialStates");
    }

    @Override
    public List<Event> events(ClusterState state) {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine.events");
    }

    /** The command of the {@code n}-th proposal, from 0: "a", "b", ... */
    static String command(int n) {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine.command");
    }

    @Override
    public Optional<ClusterState> next(ClusterState state, Event event) {
        throw new UnsupportedOperationException("Part 4: write RaftCoreMachine.next");
    }

}
