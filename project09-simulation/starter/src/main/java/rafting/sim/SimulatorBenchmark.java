package rafting.sim;

import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prints how many simulated events a second the simulator runs on one thread, invariants
 * checked after every event and the clients' history at the end of each run: {@code project09-simulation/sim bench [seconds per measure]}.
 * Each measure runs whole seeds for about the given time after a warm-up of the same length.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 10: write SimulatorBenchmark.main");
    }

}
