package rafting.election;

/**
 * What a server is doing (§5.1). A pre-candidate is a follower asking whether it could win an
 * election before it starts one (thesis §9.6): it has not changed its term.
 *
 * <p>Part 1: the four constants are given; write {@link #toString()}.
 */
public enum Role {
    FOLLOWER, PRE_CANDIDATE, CANDIDATE, LEADER;

    /**
     * The role as logs and status reports spell it: the constant's name in lower case with
     * {@code _} turned into {@code -}: {@code follower}, {@code pre-candidate}, {@code candidate},
     * {@code leader}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: the role in lower case, '_' as '-' (pre-candidate)");
    }
}
