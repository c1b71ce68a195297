package rafting.consensus;

import rafting.log.RaftLog;
import rafting.replication.Leader;

/** When an entry is committed, as the leader (Part 2) and as a follower (Part 4) see it (§5.3, §5.4.2). */
public final class CommitRule {

    private CommitRule() {
    }

    /**
     * Part 2: the leader's new commit index: {@link #replicatedOnQuorum}, but only if the entry
     * there is of the leader's current term ({@code leader.term()}), and only if that is above
     * {@code commitIndex}; otherwise {@code commitIndex} unchanged. §5.4.2: an entry of an earlier
     * term is never committed by counting replicas; it commits when an entry of the current term
     * after it does (Log Matching). Terms never go down along a log, so when the majority's entry
     * is not of the current term, no earlier one is either.
     */
    public static long leaderCommit(Leader leader, RaftLog log, long ownMatch, Membership settings, long commitIndex) {
        throw new UnsupportedOperationException("Part 2: the leader's commit rule");
    }

    /**
     * Part 2: the highest index stored on a majority of {@code settings}: every follower's
     * {@code matchIndex} from {@code leader.progress()}, and the leader itself ({@code leader.id()})
     * counting as {@code ownMatch}: how far its own log is durable.
     */
    public static long replicatedOnQuorum(Leader leader, long ownMatch, Membership settings) {
        throw new UnsupportedOperationException("Part 2: where a majority's logs reach");
    }

    /**
     * Part 4: a follower's new commit index after a successful AppendEntries that confirmed its log
     * up to {@code lastConfirmed} (its answer's {@code matchIndex}): Figure 2,
     * {@code max(commitIndex, min(leaderCommit, lastConfirmed))}. Not the follower's last index:
     * entries after what the request confirmed may be junk; and never lower than before.
     */
    public static long followerCommit(long commitIndex, long leaderCommit, long lastConfirmed) {
        throw new UnsupportedOperationException("Part 4: the follower's commit rule");
    }
}
