package rafting.sim;

import java.util.Set;
import java.util.function.Consumer;
import rafting.election.Flaw;

/**
 * Runs seed after seed until one breaks an invariant. With a flaw, that is the search of
 * Project 8, Part 2: it knows nothing of the flaw and finds the violation on its own; shrink the
 * run it returns with {@link Shrinker}. Without flaws, every seed must pass.
 */
public final class FlawSearch {

    /**
     * What to search: the seeds {@code firstSeed, firstSeed + 1, ...}, {@code seeds} of them, each
     * a run of {@code steps} events; with {@code clientView}, runs fail only on what the clients
     * see (see {@link Scenario#withoutStructuralChecks}).
     */
    public record Options(Set<Flaw> flaws, long firstSeed, int seeds, int nodes, int steps, String mix, boolean clientView) {

        public Options {
            flaws = Set.copyOf(flaws);
            if (seeds < 1) {
                throw new IllegalArgumentException("search at least one seed, got " + seeds);
            }
        }

        /** The defaults of the command line: 1000 seeds from 1, 3 nodes, 2000 steps, a mix varied by seed. */
        public static Options of(Set<Flaw> flaws) {
            return new Options(flaws, 1, 1000, 3, 2000, "varied", false);
        }

        public Options withSeeds(long first, int count) {
            return new Options(flaws, first, count, nodes, steps, mix, clientView);
        }

        public Options withNodes(int count) {
            return new Options(flaws, firstSeed, seeds, count, steps, mix, clientView);
        }

        public Options withSteps(int count) {
            return new Options(flaws, firstSeed, seeds, nodes, count, mix, clientView);
        }

        public Options withMix(String name) {
            return new Options(flaws, firstSeed, seeds, nodes, steps, name, clientView);
        }

        /** Fail runs only on what the clients see: a history that is not linearizable, no recovery, the core throwing. */
        public Options withClientView() {
            return new Options(flaws, firstSeed, seeds, nodes, steps, mix, true);
        }

        public Options withFlaws(Set<Flaw> which) {
            return new Options(which, firstSeed, seeds, nodes, steps, mix, clientView);
        }

        Scenario scenario(long seed) {
            Scenario scenario = Scenario.of(seed, nodes, steps, flaws, mix);
            return clientView ? scenario.withoutStructuralChecks() : scenario;
        }
    }

    /**
     * How a search went: the seeds and events it ran, its first failing run (or null), how long it
     * took, and how many passing runs had a history too hard for the checker to decide.
     */
    public record Result(Options options, int seedsRun, long events, Run failure, long nanos, int historiesUndecided) {

        public double seconds() {
            return nanos / 1e9;
        }

        public double eventsPerSecond() {
            return events / Math.max(seconds(), 1e-9);
        }
    }

    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private FlawSearch() {
    }

    /** Searches without telling anyone how it goes. */
    public static Result run(Options options) {
        return run(options, line -> { });
    }

    /** Searches, handing {@code progress} a line every two seconds. */
    public static Result run(Options options, Consumer<String> progress) {
        long start = System.nanoTime();
        long lastReport = start;
        long events = 0;
        int undecided = 0;
        for (int i = 0; i < options.seeds(); i++) {
            Run run = Simulator.run(options.scenario(options.firstSeed() + i));
            events += run.events().size();
            if (run.failed()) {
                return new Result(options, i + 1, events, run, System.nanoTime() - start, undecided);
            }
            undecided += run.historyUndecided() ? 1 : 0;
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                progress.accept(progressLine(i + 1, options.seeds(), events, now - start));
            }
        }
        return new Result(options, options.seeds(), events, null, System.nanoTime() - start, undecided);
    }

    static String progressLine(int done, int total, long events, long nanos) {
        double seconds = nanos / 1e9;
        return String.format(java.util.Locale.ROOT, "  %d/%d seeds, %d events, %.0f events/s, %.1f s",
                done, total, events, events / Math.max(seconds, 1e-9), seconds);
    }
}
