package rafting.replication;

/** The answer to {@link RequestVote}: whether the vote (or the pre-vote) is granted. */
public record RequestVoteResponse(int from, int to, long term, boolean granted, boolean preVote) implements Message {

    public RequestVoteResponse {
        Message.check(from, to, term);
    }

    @Override
    public String toString() {
        return from + "->" + to + " " + (preVote ? "PreVoteResponse" : "RequestVoteResponse") + " t=" + term
                + (granted ? " granted" : " refused");
    }
}
