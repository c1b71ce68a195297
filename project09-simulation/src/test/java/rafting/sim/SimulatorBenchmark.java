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

    private static final Logger CORE_LOGS = Logger.getLogger("rafting");

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) {
        CORE_LOGS.setLevel(Level.SEVERE);
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        System.out.println("simulated events per second, one thread, every invariant checked after every event"
                + " and the clients' history at the end of each run");
        measure("3 nodes, chaos mix, 10000 steps a seed, no recovery phase", seconds,
                seed -> Scenario.of(seed, 3, 10_000, Set.of(), "chaos").withoutLiveness());
        measure("5 nodes, chaos mix, 10000 steps a seed, no recovery phase", seconds,
                seed -> Scenario.of(seed, 5, 10_000, Set.of(), "chaos").withoutLiveness());
        measure("3 nodes, mix varied by seed, 2000 steps and the recovery check (as the search runs)", seconds,
                seed -> Scenario.of(seed, 3, 2_000, Set.of(), "varied"));
    }

    private static void measure(String what, double seconds, java.util.function.LongFunction<Scenario> scenarios) {
        run(scenarios, seconds, 1_000_000); // warm-up
        long[] counted = run(scenarios, seconds, 1);
        double elapsed = counted[2] / 1e9;
        System.out.printf(Locale.ROOT, "%,12.0f events/s  (%,d events, %d seeds, %.1f s)  %s%n",
                counted[0] / elapsed, counted[0], counted[1], elapsed, what);
    }

    /** Runs seeds from {@code firstSeed} for about {@code seconds}; returns events, seeds and nanoseconds. */
    private static long[] run(java.util.function.LongFunction<Scenario> scenarios, double seconds, long firstSeed) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long events = 0;
        long seed = firstSeed;
        while (System.nanoTime() < deadline) {
            Run run = Simulator.run(scenarios.apply(seed++));
            if (run.failed()) {
                throw new IllegalStateException("a healthy run failed: " + run);
            }
            events += run.events().size();
        }
        return new long[] {events, seed - firstSeed, System.nanoTime() - start};
    }
}
