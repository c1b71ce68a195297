package rafting.traffic;

/**
 * Part 1: the controller's durations, in whole seconds (one {@link Event#TICK} each). The compact
 * constructor and {@link #DEFAULT} are given: a green or yellow under one second is refused with
 * an {@link IllegalArgumentException} whose message starts {@code greens and yellow last at least
 * one second: }, a minimum green below 0 or above either green with {@code the minimum green must
 * be between 0 and each green: }, each followed by the {@code toString} form of the values.
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

    /** {@code new Timings(ewGreen, nsGreen, yellow, minGreen)}. */
    public static Timings of(int ewGreen, int nsGreen, int yellow, int minGreen) {
        throw new UnsupportedOperationException("Part 1: timings");
    }

    /** How long a phase lasts when no button shortens it: its green, or the yellow. */
    public int duration(Phase phase) {
        throw new UnsupportedOperationException("Part 1: the duration of a phase");
    }

    /** {@code EW green 30s, NS green 60s, yellow 5s, min green 15s}. */
    @Override
    public String toString() {
        return describe(ewGreen, nsGreen, yellow, minGreen);
    }

    /** Given. */
    private static String describe(int ewGreen, int nsGreen, int yellow, int minGreen) {
        return "EW green " + ewGreen + "s, NS green " + nsGreen + "s, yellow " + yellow + "s, min green " + minGreen + "s";
    }
}
