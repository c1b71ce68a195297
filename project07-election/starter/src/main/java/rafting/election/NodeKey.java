package rafting.election;

import java.util.List;
import java.util.Map;
import java.util.Set;
import rafting.log.LogEntry;

/**
 * Everything that decides how a node reacts to its next inputs, as one value with exact
 * {@code equals} and {@code hashCode}: for the visited set of an explorer (Project 9) that walks
 * every state a small cluster can reach. Two nodes of the same membership and settings with equal
 * keys react alike, provided their random election timeouts draw alike; that is certain when
 * {@code electionTicksMin == electionTicksMax}. Read it after {@link RaftNode#ready()}: outputs not
 * yet handed out are not part of it.
 *
 * <p>The components: the node's {@link NodeState}, its log's entries and first index, the votes
 * counted in the current (pre-)election, the servers a leader heard from since its last
 * check-quorum, each follower's progress as a {@link Follower} value (by follower id), and the three
 * timers of {@link RaftNode}.
 */
public record NodeKey(NodeState state, List<LogEntry> log, long firstIndex, Set<Integer> votes,
        Set<Integer> heardFrom, Map<Integer, Follower> progress, int electionElapsed, int electionTimeout,
        int heartbeatElapsed) {

    /** What a leader knows of one follower ({@code Progress}), as a value; given whole. */
    public record Follower(long nextIndex, long matchIndex, boolean probing) {
        @Override
        public String toString() {
            return "next=" + nextIndex + " match=" + matchIndex + (probing ? " probing" : "");
        }
    }

    /**
     * Part 4: keeps immutable copies ({@code List.copyOf}, {@code Set.copyOf}, {@code Map.copyOf})
     * of {@code log}, {@code votes}, {@code heardFrom} and {@code progress}, so that a key never
     * changes after it was taken.
     */
    public NodeKey {
        throw new UnsupportedOperationException("Part 4: keep immutable copies of the collections");
    }
}
