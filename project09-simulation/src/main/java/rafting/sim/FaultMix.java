package rafting.sim;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How often each fault happens, as data, so a search can vary the mix. At each step the
 * scheduler draws:
 *
 * <ul>
 *   <li>{@code crash}: a running server loses power; {@code restart}: a stopped one starts again;</li>
 *   <li>{@code partition}: the network changes: a server cut off, a one-way link, a server that
 *       reaches only some of the others, two sides that cannot talk, or healed;</li>
 *   <li>{@code propose}: a client proposes a command;</li>
 *   <li>{@code writeback}: the operating system writes a server's unsynced pages without being asked;</li>
 *   <li>otherwise {@code timers}: a server's timer fires, or else a message in flight is handled.</li>
 * </ul>
 *
 * A message handled is the oldest one, or with {@code reorder} a random one; it is lost with
 * {@code drop}, repeated with {@code duplicate}, or delivered. A message sent is held back for a
 * while with {@code delay}. An input is left unflushed, to be grouped with the next, with {@code batch}.
 * Every field is a probability in 0..1.
 */
public record FaultMix(double drop, double duplicate, double reorder, double delay, double partition,
        double crash, double restart, double propose, double writeback, double batch, double timers) {

    public FaultMix {
        double[] all = {drop, duplicate, reorder, delay, partition, crash, restart, propose, writeback, batch, timers};
        for (double p : all) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("every fault probability lies in 0..1: " + this);
            }
        }
    }

    /** No faults at all: timers, messages in order, and clients. */
    public static FaultMix none() {
        return new FaultMix(0, 0, 0, 0, 0, 0, 0, 0.05, 0, 0, 0.2);
    }

    /** A bad network: drops, repeats, reorders and delays, but no partition and no crash. */
    public static FaultMix lossy() {
        return new FaultMix(0.1, 0.05, 0.3, 0.1, 0, 0, 0, 0.05, 0, 0, 0.2);
    }

    /** Everything at once. */
    public static FaultMix chaos() {
        return new FaultMix(0.1, 0.05, 0.3, 0.1, 0.02, 0.01, 0.1, 0.05, 0.01, 0.3, 0.25);
    }

    /** A mix drawn at random, each fault anywhere from absent to frequent: what a search varies. */
    public static FaultMix random(RandomGenerator random) {
        return new FaultMix(
                sometimes(random, 0.3), sometimes(random, 0.15), random.nextDouble(), sometimes(random, 0.3),
                sometimes(random, 0.05), sometimes(random, 0.03), 0.02 + random.nextDouble() * 0.2,
                0.01 + random.nextDouble() * 0.15, sometimes(random, 0.05), sometimes(random, 0.6),
                0.05 + random.nextDouble() * 0.4);
    }

    /** The mix named {@code name}: none, lossy or chaos. */
    public static FaultMix named(String name) {
        return switch (name) {
            case "none" -> none();
            case "lossy" -> lossy();
            case "chaos" -> chaos();
            default -> throw new IllegalArgumentException("no fault mix named '" + name + "'; try none, lossy, chaos or varied");
        };
    }

    /** Absent half the time, otherwise up to {@code max}. */
    private static double sometimes(RandomGenerator random, double max) {
        return random.nextBoolean() ? 0 : random.nextDouble() * max;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "drop=%.2f dup=%.2f reorder=%.2f delay=%.2f partition=%.3f crash=%.3f restart=%.2f propose=%.2f"
                        + " writeback=%.3f batch=%.2f timers=%.2f",
                drop, duplicate, reorder, delay, partition, crash, restart, propose, writeback, batch, timers);
    }
}
