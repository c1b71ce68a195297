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
        throw new UnsupportedOperationException("Part 6: write FaultMix");
    }

    /** No faults at all: timers, messages in order, and clients. */
    public static FaultMix none() {
        throw new UnsupportedOperationException("Part 6: write FaultMix.none");
    }

    /** A bad network: drops, repeats, reorders and delays, but no partition and no crash. */
    public static FaultMix lossy() {
        throw new UnsupportedOperationException("Part 6: write FaultMix.lossy");
    }

    /** Everything at once. */
    public static FaultMix chaos() {
        throw new UnsupportedOperationException("Part 6: write FaultMix.chaos");
    }

    /** A mix drawn at random, each fault anywhere from absent to frequent: what a search varies. */
    public static FaultMix random(RandomGenerator random) {
        throw new UnsupportedOperationException("Part 6: write FaultMix.random");
    }

    /** The mix named {@code name}: none, lossy or chaos. */
    public static FaultMix named(String name) {
        throw new UnsupportedOperationException("Part 6: write FaultMix.named");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 6: write FaultMix.toString");
    }
}
