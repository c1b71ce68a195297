package rafting.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import rafting.election.Flaw;

/**
 * Measures how short the {@link Shrinker} gets: for each flaw, runs seed after seed from 1 until
 * {@code count} of them break an invariant, shrinks every one, and prints the median and the worst
 * shrunk length, with the seed of the worst. A measurement, not a test: it prints figures.
 *
 * <pre>
 * mvn -q -pl project09-simulation -am package -DskipTests
 * java -cp project09-simulation/target/classes:project07-election/target/classes:... \
 *     rafting.sim.ShrinkLengths [violations per flaw, 1000] [flaw, or all]
 * </pre>
 */
public final class ShrinkLengths {

    /** Held here so the setting stays: the nodes log every role change. */
    private static final Logger CORE_LOGS = Logger.getLogger("rafting");

    private ShrinkLengths() {
    }

    public static void main(String[] args) {
        CORE_LOGS.setLevel(Level.SEVERE);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Set<Flaw> flaws = args.length > 1 && !args[1].equals("all")
                ? EnumSet.of(Flaw.valueOf(args[1].toUpperCase(Locale.ROOT))) : EnumSet.allOf(Flaw.class);
        System.out.println("| flaw | violations shrunk | seeds run | shrunk events: median | worst (seed) | over 40 | time |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Flaw flaw : flaws) {
            System.out.println(row(flaw, count));
        }
    }

    private static String row(Flaw flaw, int count) {
        FlawSearch.Options options = FlawSearch.Options.of(Set.of(flaw));
        long start = System.nanoTime();
        List<Integer> lengths = new ArrayList<>();
        long worstSeed = -1;
        int worst = -1;
        long seed = 1;
        for (; lengths.size() < count; seed++) {
            Run run = Simulator.run(options.scenario(seed));
            if (!run.failed()) {
                continue;
            }
            int length = Shrinker.shrink(run).run().events().size();
            lengths.add(length);
            if (length > worst) {
                worst = length;
                worstSeed = seed;
            }
        }
        Collections.sort(lengths);
        long over40 = lengths.stream().filter(length -> length > 40).count();
        return String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d (seed %d) | %d | %.0f s |", flaw, lengths.size(),
                seed - 1, lengths.get(lengths.size() / 2), worst, worstSeed, over40, (System.nanoTime() - start) / 1e9);
    }
}
