package rafting.replication;

import rafting.log.RaftLog;

/** Part 2: the follower's side of replication: store what a leader sends and say how it went. */
public final class Follower {

    private Follower() {
    }

    /**
     * Applies {@code request} to {@code log} with {@link RaftLog#appendEntries} and builds the
     * answer from {@code request.to()} to {@code request.from()}, with the request's term (the
     * caller has already dealt with terms, §5.1). A success reports {@code request.lastIndex()},
     * what the request confirmed, not the log's last index (entries after it may be junk from an
     * old term); a refusal carries {@link RaftLog#conflictHint} of {@code prevLogIndex}. Either
     * echoes the request's round ({@link AppendEntriesResponse#answering}).
     */
    public static AppendEntriesResponse append(RaftLog log, AppendEntries request) {
        throw new UnsupportedOperationException("Part 2: append and answer");
    }
}
