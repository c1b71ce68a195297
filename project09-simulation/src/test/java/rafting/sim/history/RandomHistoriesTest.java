package rafting.sim.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.bench.Workloads;

/**
 * Histories made from a real execution ({@link Workloads}): every command ran at one moment
 * inside its interval, so they are linearizable by construction. Changing one reply makes them
 * wrong only sometimes, so the tests assert only what is certain, or ask a brute-force oracle.
 */
@Tag("part2")
class RandomHistoriesTest {

    static final List<String> KEYS = List.of("a", "b", "c");
    static final List<String> VALUES = List.of("0", "1", "2", "3");

    /** 5 clients, 60 operations each, on three keys, latencies up to 20, one write in 20 left open. */
    static List<Operation> run(Random random) {
        return Workloads.linearizable(random, 5, 60, KEYS, 4, 20, 20);
    }

    @Test
    void everySequentialRunIsLinearizable() {
        Random random = new Random(1);
        for (int run = 0; run < 200; run++) {
            List<Operation> history = run(random);

            CheckResult result = LinearizabilityChecker.check(history);

            assertThat(result.outcome()).as("run %d: %s", run, result).isEqualTo(CheckResult.Outcome.LINEARIZABLE);
        }
    }

    @Test
    void aReadOfAValueNeverWrittenIsAlwaysCaught() {
        Random random = new Random(2);
        for (int run = 0; run < 200; run++) {
            List<Operation> history = new ArrayList<>(run(random));
            int victim = randomCompletedGet(random, history);
            Operation read = history.get(victim);
            history.set(victim, Operation.completed(read.client(), read.command(), "never written",
                    read.invoked(), read.completed()));

            CheckResult result = LinearizabilityChecker.check(history);

            assertThat(result.outcome()).as("run %d", run).isEqualTo(CheckResult.Outcome.NOT_LINEARIZABLE);
            assertThat(result.key()).isEqualTo(read.command().key());
        }
    }

    static int randomCompletedGet(Random random, List<Operation> history) {
        while (true) {
            int i = random.nextInt(history.size());
            if (history.get(i).command().kind() == Command.Kind.GET && !history.get(i).isOpen()) {
                return i;
            }
        }
    }

    @Test
    void agreesWithABruteForceOracleOnSmallMutatedHistories() {
        Random random = new Random(3);
        int notLinearizable = 0;
        for (int run = 0; run < 3000; run++) {
            List<Operation> history = new ArrayList<>(
                    Workloads.linearizable(random, 2 + random.nextInt(3), 2, List.of("x"), 4, 10, 5));
            // Replace one reply with another well-formed one; the result may or may not fit.
            int victim = random.nextInt(history.size());
            Operation op = history.get(victim);
            if (!op.isOpen() && op.command().kind() != Command.Kind.SET) {
                String reply = switch (op.command().kind()) {
                    case GET -> random.nextInt(5) == 0 ? null : VALUES.get(random.nextInt(VALUES.size()));
                    default -> random.nextBoolean() ? "1" : "0";
                };
                history.set(victim, Operation.completed(op.client(), op.command(), reply, op.invoked(), op.completed()));
            }

            boolean expected = Oracle.linearizable(history);
            CheckResult result = LinearizabilityChecker.check(history);

            assertThat(result.isLinearizable()).as("run %d: %s%n%s", run, history, result).isEqualTo(expected);
            // Each of the checker's searches alone: the exact one agrees, the loose one never
            // rejects a history that fits.
            assertThat(new KeySearch("x", history).search(1_000_000, false).isLinearizable()).isEqualTo(expected);
            if (expected) {
                assertThat(new KeySearch("x", history).search(1_000_000, true).isLinearizable()).isTrue();
            }
            notLinearizable += expected ? 0 : 1;
        }
        // The mutations must have produced plenty of both kinds, or the comparison says little.
        assertThat(notLinearizable).isBetween(300, 2700);
    }

    /** Tries every order of a small one-key history; its own register, written apart from the checker's. */
    static final class Oracle {
        static boolean linearizable(List<Operation> history) {
            return search(history, new boolean[history.size()], null);
        }

        private static boolean search(List<Operation> ops, boolean[] placed, String value) {
            boolean allCompletedPlaced = true;
            for (int i = 0; i < ops.size(); i++) {
                allCompletedPlaced &= placed[i] || ops.get(i).isOpen();
            }
            if (allCompletedPlaced) {
                return true;
            }
            for (int i = 0; i < ops.size(); i++) {
                if (placed[i] || !mayGoNext(ops, placed, i)) {
                    continue;
                }
                Operation op = ops.get(i);
                String[] after = step(op, value);
                if (after == null) {
                    continue;
                }
                placed[i] = true;
                boolean found = search(ops, placed, after[0]);
                placed[i] = false;
                if (found) {
                    return true;
                }
            }
            return false;
        }

        /** No unplaced operation completed before {@code i} was invoked. */
        private static boolean mayGoNext(List<Operation> ops, boolean[] placed, int i) {
            for (int j = 0; j < ops.size(); j++) {
                if (!placed[j] && j != i && ops.get(j).completed() < ops.get(i).invoked()) {
                    return false;
                }
            }
            return true;
        }

        /** The value after {@code op} as a one-element array, or null if its reply is impossible. */
        private static String[] step(Operation op, String value) {
            Command c = op.command();
            String reply = op.reply();
            boolean known = !op.isOpen();
            return switch (c.kind()) {
                case GET -> !known || Objects.equals(reply, value) ? new String[] {value} : null;
                case EXISTS -> !known || reply.equals(value != null ? "1" : "0") ? new String[] {value} : null;
                case SET -> new String[] {c.value()};
                case DEL -> !known || reply.equals(value != null ? "1" : "0") ? new String[] {null} : null;
                case CAS -> {
                    boolean swaps = Objects.equals(c.expected(), value);
                    if (known && !reply.equals(swaps ? "1" : "0")) {
                        yield null;
                    }
                    yield new String[] {swaps ? c.value() : value};
                }
                default -> throw new IllegalArgumentException("random histories draw no " + c.kind());
            };
        }
    }
}
