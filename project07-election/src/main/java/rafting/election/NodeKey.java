package rafting.election;

import java.util.List;
import java.util.Map;
import java.util.Set;
import rafting.log.LogEntry;

/**
 * Everything that decides how a node reacts to its next inputs, as one value with exact
 * {@code equals} and {@code hashCode}: for the visited set of an explorer that walks every state
 * a small cluster can reach. Two nodes of the same membership and settings with equal keys react alike,
 * provided their random election timeouts draw alike; that is certain when
 * {@code electionTicksMin == electionTicksMax}. Read it after {@link RaftNode#ready()}: outputs not
 * yet handed out are not part of it.
 */
public record NodeKey(NodeState state, List<LogEntry> log, long firstIndex, Set<Integer> votes,
        Set<Integer> heardFrom, Map<Integer, Follower> progress, int electionElapsed, int electionTimeout,
        int heartbeatElapsed) {

    /** What a leader knows of one follower ({@code Progress}), as a value. */
    public record Follower(long nextIndex, long matchIndex, boolean probing) {
        @Override
        public String toString() {
            return "next=" + nextIndex + " match=" + matchIndex + (probing ? " probing" : "");
        }
    }

    public NodeKey {
        log = List.copyOf(log);
        votes = Set.copyOf(votes);
        heardFrom = Set.copyOf(heardFrom);
        progress = Map.copyOf(progress);
    }
}
