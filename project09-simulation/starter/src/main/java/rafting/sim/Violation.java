package rafting.sim;

/** An invariant that broke, at which step of the run, and how: {@code Election Safety at event 17: n1 and n3 both lead term 2}. */
public record Violation(String invariant, long step, String detail) {

    /**
     * {@code INVARIANT at event K: DETAIL}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 7: write Violation.toString");
    }
}
