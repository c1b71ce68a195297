package rafting.sim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import rafting.sim.explore.Exploration;
import rafting.sim.explore.Explorer;
import rafting.sim.history.CheckResult;
import rafting.sim.history.LinearizabilityChecker;
import rafting.sim.history.Operation;

/**
 * Prints how fast the explorer and the linearizability checker are on this machine.
 *
 * <pre>
 * mvn -q -pl project09-simulation -am package -DskipTests
 * java -cp project09-simulation/target/classes rafting.sim.bench.Bench [explorer|checker]
 * </pre>
 *
 * Each figure is the best of several timed rounds after warm-up rounds, on one thread.
 */
public final class Bench {

    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 5;

    private Bench() {}

    public static void main(String[] args) {
        String which = args.length == 0 ? "all" : args[0];
        if (!List.of("all", "explorer", "checker").contains(which)) {
            System.err.println("usage: Bench [explorer|checker]");
            System.exit(2);
        }
        System.out.printf("java %s, %d processors available%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (!which.equals("checker")) {
            explorer("8-puzzle (3 by 3)", new SlidingPuzzle(3, 3));
            explorer("2 by 5 puzzle", new SlidingPuzzle(2, 5));
        }
        if (!which.equals("explorer")) {
            checker("5 clients x 1,000 ops, 1 key", 1, false);
            checker("5 clients x 1,000 ops, 10 keys", 10, false);
            checker("5 clients x 1,000 ops, 1 key, one bad read", 1, true);
        }
    }

    private static void explorer(String name, SlidingPuzzle puzzle) {
        Exploration<String, SlidingPuzzle.Move>[] last = new Exploration[1];
        double seconds = best(() -> last[0] = Explorer.of(puzzle).run());
        Exploration<String, SlidingPuzzle.Move> result = last[0];
        System.out.printf("explorer %-40s %,10d states %,10d transitions in %6.3f s: %,11.0f states/s, %,11.0f transitions/s%n",
                name, result.states(), result.transitions(), seconds,
                result.states() / seconds, result.transitions() / seconds);
    }

    private static void checker(String name, int keys, boolean badRead) {
        List<String> keyNames = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            keyNames.add("k" + k);
        }
        Random random = new Random(42);
        List<List<Operation>> histories = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Operation> history = new ArrayList<>(Workloads.linearizable(random, 5, 1_000, keyNames, 20, 100));
            if (badRead) {
                spoilOneRead(random, history);
            }
            histories.add(history);
        }
        CheckResult.Outcome expected = badRead ? CheckResult.Outcome.NOT_LINEARIZABLE : CheckResult.Outcome.LINEARIZABLE;
        double seconds = best(() -> {
            for (List<Operation> history : histories) {
                CheckResult result = LinearizabilityChecker.check(history);
                if (result.outcome() != expected) {
                    throw new IllegalStateException("expected " + expected + ", got " + result);
                }
            }
            return null;
        });
        long ops = histories.stream().mapToLong(List::size).sum();
        System.out.printf("checker  %-40s %,10d ops in %,d histories in %6.3f s: %,9.1f histories/s, %,11.0f ops/s%n",
                name, ops, histories.size(), seconds, histories.size() / seconds, ops / seconds);
    }

    /** Makes a GET in the middle of the history return a value nobody wrote. */
    private static void spoilOneRead(Random random, List<Operation> history) {
        for (int i = history.size() / 2; ; i++) {
            Operation op = history.get(i);
            if (op.command().kind() == rafting.sim.history.Command.Kind.GET && !op.isOpen()) {
                history.set(i, Operation.completed(op.client(), op.command(), "never written",
                        op.invoked(), op.completed()));
                return;
            }
        }
    }

    /** Seconds taken by the fastest of the timed rounds of {@code work}. */
    private static double best(Supplier<?> work) {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            work.get();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e9;
    }
}
