package rafting.sim;

/**
 * Measures how short the {@link Shrinker} gets: for each flaw, runs seed after seed from 1 until
 * {@code count} of them break an invariant, shrinks every one, and prints one Markdown table row a
 * flaw: violations shrunk, seeds run, the median and the worst shrunk length (with the seed of the
 * worst), how many are over 40 events, the time. A measurement, not a test: it prints figures.
 * Arguments: {@code [violations per flaw, 1000] [flaw, or all]}.
 */
public final class ShrinkLengths {

    private ShrinkLengths() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 8: write ShrinkLengths.main");
    }
}
