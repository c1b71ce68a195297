package rafting.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import rafting.election.Flaw;
import rafting.sim.explore.ExplorationResult;
import rafting.sim.explore.raft.Bounds;
import rafting.sim.explore.raft.ClusterState;
import rafting.sim.explore.raft.RaftExploration;

/**
 * The mutation table ({@code sim mutations}): for every {@link Flaw}, which checker finds it and
 * how fast. The simulator's search and the search that looks only at what the clients see run
 * here, each with the command line's defaults; the explorer tries the same {@link #LADDER} of
 * bounds for every flaw, cheapest first, each step and each flaw within a time limit. TLC is not
 * run here: its column names the model of {@code tla/specs} for the flaw and the property that
 * {@code tla}'s {@code SpecsTest} asserts that TLC breaks, and those tests measure it.
 */
final class Mutations {

    /** The explorer's bounds, tried in this order until one finds the flaw: the same for every flaw. */
    private static final List<Rung> LADDER = List.of(
            new Rung("E1", Bounds.small()),
            new Rung("E2", new Bounds(3, 2, 1, 0, 3, false)),
            new Rung("E3", new Bounds(3, 3, 1, 0, 1, true)),
            new Rung("E4", new Bounds(3, 4, 0, 0, 1, true)));

    /** One step of the ladder: its short name in the table, and its bounds. */
    private record Rung(String name, Bounds bounds) {}

    /**
     * The flaws the explorer cannot show, and why: it explores nodes with no reads, no snapshots
     * and no state machine.
     */
    static final Map<Flaw, String> NOT_EXPLORED = Map.of(
            Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP, "no reads in the explorer",
            Flaw.KEEP_LOG_ON_SNAPSHOT, "no snapshots in the explorer",
            Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT, "no state machine in the explorer");

    /** For each flaw, the property that tla's SpecsTest asserts TLC breaks in the flaw's model (its BROKEN map). */
    static final Map<Flaw, String> TLC_BREAKS = Map.ofEntries(
            Map.entry(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING, "LeaderCompleteness"),
            Map.entry(Flaw.TRUNCATE_ON_MATCHING_APPEND, "CommittedInLog"),
            Map.entry(Flaw.FOLLOWER_COMMITS_PAST_CONFIRMED, "StateMachineSafety"),
            Map.entry(Flaw.IGNORE_UP_TO_DATE_RULE, "LeaderCompleteness"),
            Map.entry(Flaw.VOTE_TWICE_IN_A_TERM, "OneLeaderPerTerm"),
            Map.entry(Flaw.COUNT_VOTES_FROM_OTHER_TERMS, "OneLeaderPerTerm"),
            Map.entry(Flaw.LOWER_COMMIT_INDEX, "CommitNeverGoesBack (an action property)"),
            Map.entry(Flaw.ACKNOWLEDGE_BEFORE_DURABLE, "OneLeaderPerTerm"),
            Map.entry(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP, "ReadsSeeEveryCommittedEntry"),
            Map.entry(Flaw.KEEP_LOG_ON_SNAPSHOT, "StateMachineSafety"));

    /** The flaws no model of Raft.tla has, and why (tla's SpecsTest, OUTSIDE_THE_SPEC). */
    static final Map<Flaw, String> NOT_IN_TLA = Map.of(
            Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT, "no model: Raft.tla has no state machine");

    private final PrintStream out;
    private final Consumer<String> progress;
    private final Duration perRung;
    private final Duration perFlaw;

    /** Prints the table to {@code out}, progress to {@code progress}; the explorer gets {@code perRung} a step and {@code perFlaw} in all. */
    Mutations(PrintStream out, Consumer<String> progress, Duration perRung, Duration perFlaw) {
        this.out = out;
        this.progress = progress;
        this.perRung = perRung;
        this.perFlaw = perFlaw;
    }

    /** Measures every flaw, then prints the ladder and the table. */
    void run(List<Flaw> flaws) {
        var rows = new ArrayList<String>();
        long start = System.nanoTime();
        for (Flaw flaw : flaws) {
            progress.accept("measuring " + flaw);
            rows.add("| `" + flaw + "` | " + search(flaw, false) + " | " + search(flaw, true) + " | " + explore(flaw)
                    + " | " + tlc(flaw) + " |");
        }
        out.println();
        out.println("Explorer bounds, tried in this order (at most " + perRung.toSeconds() + " s each, "
                + perFlaw.toSeconds() + " s a flaw):");
        out.println();
        LADDER.forEach(rung -> out.println("- " + rung.name() + ": " + rung.bounds()));
        out.println();
        out.println("| flaw | simulator: first failing seed; shrunk story; search + shrink time | clients only (`--client-view`):"
                + " first failing seed, what broke; shrunk story; time | explorer: bounds, what broke, shortest story,"
                + " states, time | TLC: model, property broken |");
        out.println("|---|---|---|---|---|");
        rows.forEach(out::println);
        out.printf(Locale.ROOT, "%n(measured in %.0f s)%n", (System.nanoTime() - start) / 1e9);
    }

    /** The search of the command line's defaults (1000 seeds from 1), then the shrinker, as {@code sim search --flaw} does. */
    private String search(Flaw flaw, boolean clientView) {
        var options = FlawSearch.Options.of(Set.of(flaw));
        if (clientView) {
            options = options.withClientView();
        }
        FlawSearch.Result result = FlawSearch.run(options);
        if (result.failure() == null) {
            return String.format(Locale.ROOT, "not found in %d seeds (%.1f s)", result.seedsRun(), result.seconds());
        }
        long start = System.nanoTime();
        Shrinker.Shrunk shrunk = Shrinker.shortestOf(result);
        double shrinking = (System.nanoTime() - start) / 1e9;
        Run failure = result.failure();
        long storySeed = shrunk.run().scenario().seed();
        return String.format(Locale.ROOT, "seed %d%s; %d events%s; %.2f s + %.2f s", failure.scenario().seed(),
                clientView ? ", " + failure.violation().invariant() : "", shrunk.run().events().size(),
                storySeed == failure.scenario().seed() ? "" : " (seed " + storySeed + ")", result.seconds(), shrinking);
    }

    /** The ladder, cheapest bounds first, until one finds the flaw or the flaw's time is up. */
    private String explore(Flaw flaw) {
        if (NOT_EXPLORED.containsKey(flaw)) {
            return "not run: " + NOT_EXPLORED.get(flaw);
        }
        long start = System.nanoTime();
        var passed = new ArrayList<String>();
        for (Rung rung : LADDER) {
            Duration left = perFlaw.minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            long rungStart = System.nanoTime();
            ExplorationResult<ClusterState, Event> result = RaftExploration.explore(
                    RaftExploration.exploredSettings().withFlaws(flaw), rung.bounds(), true, Long.MAX_VALUE,
                    left.compareTo(perRung) < 0 ? left : perRung);
            double seconds = (System.nanoTime() - rungStart) / 1e9;
            progress.accept(String.format(Locale.ROOT, "  %s: %s, %,d states, %.1f s", rung.name(), result.verdict(),
                    result.states(), seconds));
            if (result.trace() != null) {
                String problem = result.trace().problem().replaceAll("^(invariant|step property) \"(.*)\" broken$", "$2");
                return String.format(Locale.ROOT, "%s%s: %s; %d events; %,d states; %.1f s",
                        passed.isEmpty() ? "" : String.join(", ", passed) + " pass; ", rung.name(), problem,
                        result.trace().events().size(), result.states(), seconds);
            }
            passed.add(rung.name() + (result.verdict() == ExplorationResult.Verdict.BOUNDED ? " (time up)" : ""));
        }
        return String.format(Locale.ROOT, "not found: %s (%.0f s)", String.join(", ", passed), (System.nanoTime() - start) / 1e9);
    }

    private static String tlc(Flaw flaw) {
        if (NOT_IN_TLA.containsKey(flaw)) {
            return NOT_IN_TLA.get(flaw);
        }
        return "`Raft" + camel(flaw) + ".cfg`: " + TLC_BREAKS.get(flaw);
    }

    /** {@code KEEP_LOG_ON_SNAPSHOT} as {@code KeepLogOnSnapshot}. */
    static String camel(Flaw flaw) {
        var name = new StringBuilder();
        for (String word : flaw.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
