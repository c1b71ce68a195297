package rafting.consensus;

import java.util.HashMap;
import java.util.Map;
import rafting.log.RaftLog;
import rafting.replication.Leader;

/** When an entry is committed, as the leader and as a follower see it (§5.3, §5.4.2). */
public final class CommitRule {

    private CommitRule() {
    }

    /**
     * The leader's new commit index: the highest index stored on a majority, counting the leader
     * itself up to {@code ownMatch} (the end of its durable log), but only if that entry is of the
     * leader's current term; otherwise {@code commitIndex} unchanged. Committing that entry commits
     * every entry before it (Log Matching).
     */
    public static long leaderCommit(Leader leader, RaftLog log, long ownMatch, Membership settings, long commitIndex) {
        long majority = replicatedOnQuorum(leader, ownMatch, settings);
        // §5.4.2: only log entries from the leader's current term are committed by counting replicas.
        // Terms never go down along a log, so no lower index can be of the current term either.
        if (majority > commitIndex && log.termAt(majority) == leader.term()) {
            return majority;
        }
        return commitIndex;
    }

    /** The highest index stored on a majority, the leader's own match being {@code ownMatch}: how far its log is durable. */
    public static long replicatedOnQuorum(Leader leader, long ownMatch, Membership settings) {
        Map<Integer, Long> match = new HashMap<>();
        leader.progress().forEach((id, progress) -> match.put(id, progress.matchIndex()));
        match.put(leader.id(), ownMatch);
        return settings.quorumIndex(match);
    }

    /**
     * A follower's new commit index after a successful AppendEntries that confirmed its log up to
     * {@code lastConfirmed}: the smaller of that and the leader's commit, never lower than before.
     * Not the follower's last index: entries after what the request confirmed may be junk.
     */
    public static long followerCommit(long commitIndex, long leaderCommit, long lastConfirmed) {
        // Figure 2: if leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry)
        return Math.max(commitIndex, Math.min(leaderCommit, lastConfirmed));
    }
}
