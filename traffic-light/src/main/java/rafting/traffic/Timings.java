package rafting.traffic;

/**
 * The controller's durations, in whole seconds (one {@link Event#TICK} each). The defaults are the
 * workshop's; the demo, the explorer and the TLA+ model use smaller ones.
 *
 * @param ewGreen  how long the East-West light stays green when nobody presses
 * @param nsGreen  how long the North-South light stays green when nobody presses
 * @param yellow   how long a yellow lasts
 * @param minGreen how long a light stays green, at least, before a button press turns it yellow
 */
public record Timings(int ewGreen, int nsGreen, int yellow, int minGreen) {

    /** The workshop's rules: East-West green 30 s, North-South green 60 s, yellow 5 s, minimum green 15 s. */
    public static final Timings DEFAULT = new Timings(30, 60, 5, 15);

    public Timings {
        if (ewGreen < 1 || nsGreen < 1 || yellow < 1) {
            throw new IllegalArgumentException("greens and yellow last at least one second: "
                    + describe(ewGreen, nsGreen, yellow, minGreen));
        }
        if (minGreen < 0 || minGreen > ewGreen || minGreen > nsGreen) {
            throw new IllegalArgumentException("the minimum green must be between 0 and each green: "
                    + describe(ewGreen, nsGreen, yellow, minGreen));
        }
    }

    public static Timings of(int ewGreen, int nsGreen, int yellow, int minGreen) {
        return new Timings(ewGreen, nsGreen, yellow, minGreen);
    }

    /** How long a phase lasts when no button shortens it. */
    public int duration(Phase phase) {
        if (!phase.isGreen()) {
            return yellow;
        }
        return phase.open() == Direction.EW ? ewGreen : nsGreen;
    }

    @Override
    public String toString() {
        return describe(ewGreen, nsGreen, yellow, minGreen);
    }

    private static String describe(int ewGreen, int nsGreen, int yellow, int minGreen) {
        return "EW green " + ewGreen + "s, NS green " + nsGreen + "s, yellow " + yellow + "s, min green " + minGreen + "s";
    }
}
