package rafting.replication;

import rafting.log.RaftLog;

/** The follower's side of replication: store what a leader sends and say how it went. */
public final class Follower {

    private Follower() {
    }

    /**
     * Applies {@code request} to {@code log} and builds the answer, with the request's term (the
     * caller has already dealt with terms, §5.1). A success reports the last index the request
     * confirmed; a refusal hints where the leader should try next. Either echoes the request's round.
     */
    public static AppendEntriesResponse append(RaftLog log, AppendEntries request) {
        int me = request.to();
        int leader = request.from();
        // §5.3: reply false if log doesn't contain an entry at prevLogIndex whose term matches prevLogTerm;
        // otherwise delete conflicting entries and append the new ones (RaftLog.appendEntries).
        if (log.appendEntries(request.prevLogIndex(), request.prevLogTerm(), request.entries())) {
            // What the request confirmed, not our last index: entries after it may be junk from an old term.
            return AppendEntriesResponse.success(me, leader, request.term(), request.lastIndex()).answering(request);
        }
        return AppendEntriesResponse.refusal(me, leader, request.term(), log.conflictHint(request.prevLogIndex()))
                .answering(request);
    }
}
