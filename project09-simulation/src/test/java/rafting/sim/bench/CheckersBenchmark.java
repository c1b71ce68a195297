package rafting.sim.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import rafting.sim.explore.ExplorationResult;
import rafting.sim.explore.Explorer;
import rafting.sim.history.Budget;
import rafting.sim.history.CheckResult;
import rafting.sim.history.Command;
import rafting.sim.history.LinearizabilityChecker;
import rafting.sim.history.Operation;

/**
 * Prints how fast the explorer and the linearizability checker are on this machine.
 *
 * <pre>
 * project09-simulation/sim bench-checkers [explorer|checker|second]
 * </pre>
 *
 * {@code second} finds how large a history the checker decides within a budget of one second.
 *
 * Each figure is the best of several timed rounds after warm-up rounds, on one thread.
 */
public final class CheckersBenchmark {

    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 5;

    private CheckersBenchmark() {}

    public static void main(String[] args) {
        String which = args.length == 0 ? "all" : args[0];
        if (!List.of("all", "explorer", "checker", "second").contains(which)) {
            System.err.println("usage: sim bench-checkers [explorer|checker|second]");
            System.exit(2);
        }
        System.out.printf("java %s, %d processors available%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (which.equals("second")) {
            inOneSecond();
            return;
        }
        if (!which.equals("checker")) {
            explorer("3 by 3 puzzle", new SlidingPuzzle(3, 3), WARMUP_ROUNDS, ROUNDS);
            explorer("2 by 5 puzzle", new SlidingPuzzle(2, 5), 1, 1); // ten times bigger: one round
        }
        if (!which.equals("explorer")) {
            // 5 clients, 1,000 operations each; values "0" to "3", or up to a million (nearly unique).
            checker("1 key, 4 values, 1% of writes open", 1, 4, 100, false);
            checker("10 keys, 4 values, 1% of writes open", 10, 4, 100, false);
            checker("1 key, 4 values, 10% of writes open", 1, 4, 10, false);
            checker("1 key, 4 values, one bad read", 1, 4, 0, true);
            checker("1 key, unique values, 1% open, one bad read", 1, 1_000_000, 100, true);
        }
    }

    private static void explorer(String name, SlidingPuzzle puzzle, int warmupRounds, int rounds) {
        List<ExplorationResult<String, SlidingPuzzle.Move>> results = new ArrayList<>();
        double seconds = best(() -> results.add(Explorer.of(puzzle).run()), warmupRounds, rounds);
        ExplorationResult<String, SlidingPuzzle.Move> result = results.get(results.size() - 1);
        System.out.printf("explorer %-20s %,10d states %,10d transitions in %6.3f s: %,11.0f states/s, %,11.0f transitions/s%n",
                name, result.states(), result.transitions(), seconds,
                result.states() / seconds, result.transitions() / seconds);
    }

    /**
     * Checks 10 histories of 5 clients x 1,000 operations. With {@code badRead}, one read in the
     * middle of each returns a value nobody wrote: the checker must say NOT_LINEARIZABLE, or
     * UNKNOWN when the budget runs out first; the line counts both.
     */
    private static void checker(String name, int keys, int values, int openOneIn, boolean badRead) {
        List<String> keyNames = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            keyNames.add("k" + k);
        }
        Random random = new Random(42);
        List<List<Operation>> histories = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Operation> history = new ArrayList<>(
                    Workloads.linearizable(random, 5, 1_000, keyNames, values, 20, openOneIn));
            if (badRead) {
                spoilOneRead(history);
            }
            histories.add(history);
        }
        Map<CheckResult.Outcome, Integer> outcomes = new EnumMap<>(CheckResult.Outcome.class);
        double seconds = best(() -> {
            outcomes.clear();
            for (List<Operation> history : histories) {
                CheckResult result = LinearizabilityChecker.check(history);
                if (result.outcome() == CheckResult.Outcome.LINEARIZABLE && badRead
                        || result.outcome() == CheckResult.Outcome.NOT_LINEARIZABLE && !badRead) {
                    throw new IllegalStateException("wrong verdict on a history of known answer: " + result);
                }
                outcomes.merge(result.outcome(), 1, Integer::sum);
            }
            return null;
        }, WARMUP_ROUNDS, ROUNDS);
        long ops = histories.stream().mapToLong(List::size).sum();
        System.out.printf("checker  %-46s %,7d ops in %6.3f s: %,9.1f histories/s, %,10.0f ops/s  %s%n",
                name, ops, seconds, histories.size() / seconds, ops / seconds, outcomes);
    }

    /**
     * Doubles the size of two kinds of history until the checker, with a budget of one second
     * (and steps and memory to spare), no longer decides one: histories of 5 clients on one key
     * with 4 values and 1% of writes open (linearizable), and n writes all at once with a read of a
     * value none of them wrote (not linearizable, and every subset of the writes must be tried).
     */
    private static void inOneSecond() {
        Budget second = Budget.DEFAULT.withTime(Duration.ofSeconds(1)).withSteps(Long.MAX_VALUE).withStates(20_000_000);
        for (int perClient = 250; ; perClient *= 2) {
            List<Operation> history = Workloads.linearizable(new Random(42), 5, perClient, List.of("k0"), 4, 20, 100);
            for (int i = 0; i < WARMUP_ROUNDS; i++) {
                LinearizabilityChecker.check(history);
            }
            if (!decided("5 clients, 1 key, 4 values, 1% open", history, second)) {
                break;
            }
        }
        for (int writes = 4; ; writes += 2) {
            List<Operation> history = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                history.add(Operation.completed(i, Command.set("x", "v" + i), "OK", 0, 100));
            }
            history.add(Operation.completed(writes, Command.get("x"), "never written", 50, 60));
            LinearizabilityChecker.check(history, second); // warm-up
            if (!decided(writes + " overlapping writes, a bad read", history, second)) {
                break;
            }
        }
    }

    private static boolean decided(String name, List<Operation> history, Budget budget) {
        long start = System.nanoTime();
        CheckResult result = LinearizabilityChecker.check(history, budget);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("checker  %-40s %,9d ops in %6.3f s: %s%n", name, history.size(), seconds,
                result.outcome() == CheckResult.Outcome.UNKNOWN ? result : result.outcome());
        return result.outcome() != CheckResult.Outcome.UNKNOWN;
    }

    /** Makes a GET in the middle of the history return a value nobody wrote. */
    private static void spoilOneRead(List<Operation> history) {
        for (int i = history.size() / 2; ; i++) {
            Operation op = history.get(i);
            if (op.command().kind() == Command.Kind.GET && !op.isOpen()) {
                history.set(i, Operation.completed(op.client(), op.command(), "never written",
                        op.invoked(), op.completed()));
                return;
            }
        }
    }

    /** Seconds taken by the fastest of the timed rounds of {@code work}. */
    private static double best(Supplier<?> work, int warmupRounds, int rounds) {
        for (int i = 0; i < warmupRounds; i++) {
            work.get();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e9;
    }
}
