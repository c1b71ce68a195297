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
        throw new UnsupportedOperationException("Part 8: write Options");
    }

        /** The defaults of the command line: 1000 seeds from 1, 3 nodes, 2000 steps, a mix varied by seed. */
        public static Options of(Set<Flaw> flaws) {
        throw new UnsupportedOperationException("Part 8: write Options.of");
    }

        public Options withSeeds(long first, int count) {
        throw new UnsupportedOperationException("Part 8: write Options.withSeeds");
    }

        public Options withNodes(int count) {
        throw new UnsupportedOperationException("Part 8: write Options.withNodes");
    }

        public Options withSteps(int count) {
        throw new UnsupportedOperationException("Part 8: write Options.withSteps");
    }

        public Options withMix(String name) {
        throw new UnsupportedOperationException("Part 8: write Options.withMix");
    }

        /** Fail runs only on what the clients see: a history that is not linearizable, no recovery, the core throwing. */
        public Options withClientView() {
        throw new UnsupportedOperationException("Part 8: write Options.withClientView");
    }

        public Options withFlaws(Set<Flaw> which) {
        throw new UnsupportedOperationException("Part 8: write Options.withFlaws");
    }

        Scenario scenario(long seed) {
        throw new UnsupportedOperationException("Part 8: write Options.scenario");
    }
    }

    /**
     * How a search went: the seeds and events it ran, its first failing run (or null), how long it
     * took, and how many passing runs had a history too hard for the checker to decide.
     */
    public record Result(Options options, int seedsRun, long events, Run failure, long nanos, int historiesUndecided) {

        public double seconds() {
        throw new UnsupportedOperationException("Part 8: write Result.seconds");
    }

        public double eventsPerSecond() {
        throw new UnsupportedOperationException("Part 8: write Result.eventsPerSecond");
    }
    }

    private FlawSearch() {
    }

    /** Searches without telling anyone how it goes. */
    public static Result run(Options options) {
        throw new UnsupportedOperationException("Part 8: write FlawSearch.run");
    }

    /** Searches, handing {@code progress} a line every two seconds. */
    public static Result run(Options options, Consumer<String> progress) {
        throw new UnsupportedOperationException("Part 8: write FlawSearch.run");
    }

    static String progressLine(int done, int total, long events, long nanos) {
        throw new UnsupportedOperationException("Part 8: write FlawSearch.progressLine");
    }
}
