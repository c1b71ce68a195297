package rafting.replication;

/**
 * Part 1: a message between two Raft servers (Figure 2). Servers are numbered 1..N; every message
 * says who sent it, to whom, and the sender's current term, which is how servers learn of newer
 * terms (§5.1). Each {@code toString} is one line of a trace:
 * {@code 2->1 AppendEntries t=3 prev=5/2 n=2 commit=4}.
 */
public sealed interface Message
        permits AppendEntries, AppendEntriesResponse, InstallSnapshot, InstallSnapshotResponse, RequestVote,
        RequestVoteResponse {

    int from();

    int to();

    long term();

    /**
     * Checks what every message shares, for the records' constructors to call: two distinct
     * servers, numbered from 1, and a term of at least 0. Otherwise an
     * {@link IllegalArgumentException}; for the servers its message contains
     * {@code two distinct servers} (the reference:
     * {@code a message goes between two distinct servers numbered from 1, got 1->1}).
     */
    static void check(int from, int to, long term) {
        throw new UnsupportedOperationException("Part 1: check the servers and the term");
    }
}
