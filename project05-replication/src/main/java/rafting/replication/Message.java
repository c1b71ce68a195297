package rafting.replication;

/**
 * A message between two Raft servers (Figure 2). Servers are numbered 1..N; every message says
 * who sent it, to whom, and the sender's current term, which is how servers learn of newer terms
 * (§5.1). Each {@code toString} is one line of a trace: {@code 2->1 AppendEntries t=3 prev=5/2 n=2 commit=4}.
 */
public sealed interface Message
        permits AppendEntries, AppendEntriesResponse, InstallSnapshot, InstallSnapshotResponse, RequestVote,
        RequestVoteResponse {

    int from();

    int to();

    long term();

    /** Checks what every message shares: two distinct servers, numbered from 1, and a term of at least 0. */
    static void check(int from, int to, long term) {
        if (from < 1 || to < 1 || from == to) {
            throw new IllegalArgumentException(
                    "a message goes between two distinct servers numbered from 1, got " + from + "->" + to);
        }
        if (term < 0) {
            throw new IllegalArgumentException("a term is never negative, got " + term);
        }
    }
}
