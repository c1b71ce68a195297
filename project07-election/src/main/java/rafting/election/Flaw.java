package rafting.election;

/**
 * Rules of Raft that can be switched off on purpose, one each, to show what they are for: the
 * tests and the simulator must catch every one. A node has none unless its {@link Settings} names
 * them; the running system has no way to name them.
 */
public enum Flaw {
    /** The leader commits the highest index on a majority whatever its term (Figure 8). */
    COMMIT_EARLIER_TERM_BY_COUNTING,
    /** A follower deletes everything after {@code prevLogIndex} even when the entries there match. */
    TRUNCATE_ON_MATCHING_APPEND,
    /** A follower commits up to {@code min(leaderCommit, its last index)}, past what the request confirmed. */
    FOLLOWER_COMMITS_PAST_CONFIRMED,
    /** A voter ignores the up-to-date rule of §5.4.1. */
    IGNORE_UP_TO_DATE_RULE,
    /** A voter grants a vote in a term in which it already voted for someone else. */
    VOTE_TWICE_IN_A_TERM,
    /** A candidate counts granted votes from earlier terms. */
    COUNT_VOTES_FROM_OTHER_TERMS,
    /** A follower takes the leader's commit index even when it is lower than its own. */
    LOWER_COMMIT_INDEX,
    /**
     * A leader answers a read at once from its state machine, without a round of requests to
     * confirm that it still leads (thesis §6.4): a leader cut off from the rest, not yet aware
     * that another was elected, answers with what may be stale.
     */
    READ_WITHOUT_CONFIRMING_LEADERSHIP,
    /**
     * A follower given a snapshot that ends inside its own log keeps its log as it is, even where
     * it conflicts with the snapshot, and takes the snapshot's index as committed (Figure 13, 6
     * and 7, switched off): it applies its own entries where the leader's are.
     */
    KEEP_LOG_ON_SNAPSHOT,
    /**
     * A flaw of the state machine, not of the node: its snapshot leaves out the table of client
     * sessions (thesis §6.3), so a machine restored from it runs again a retry it had answered.
     * Project 9's simulated machine has it when the settings name it.
     */
    SESSIONS_LEFT_OUT_OF_SNAPSHOT,
    /**
     * A flaw of the {@link Driver}, not of the node: it sends everything at once and never waits
     * for a sync, leaving it to the operating system, so a crash can forget votes and entries that
     * were already acknowledged.
     */
    ACKNOWLEDGE_BEFORE_DURABLE
}
