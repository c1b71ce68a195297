package rafting.election;

/**
 * What a server is doing (§5.1). A pre-candidate is a follower asking whether it could win an
 * election before it starts one (thesis §9.6): it has not changed its term.
 */
public enum Role {
    FOLLOWER, PRE_CANDIDATE, CANDIDATE, LEADER;

    /** {@code pre-candidate}, as logs and status reports spell it. */
    @Override
    public String toString() {
        return name().toLowerCase().replace('_', '-');
    }
}
