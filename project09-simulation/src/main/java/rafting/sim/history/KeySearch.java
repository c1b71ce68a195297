package rafting.sim.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The search for one key: is there an order of its operations, each placed between its invocation
 * and its completion, in which a single register gives every reply that was seen?
 *
 * <p>The invocations and completions sit in one list in time order. The search walks it from the
 * front: an invocation is an operation that could take effect now; placing it ("lifting" it out
 * of the list with its completion) moves the register on and restarts the walk. Meeting a
 * completion means the operation ended without being placed, so the last choice was wrong: undo
 * it and try the next invocation after it. Once every completed operation is placed the history
 * fits; open operations never have to be placed, since placing one last changes no reply.
 */
final class KeySearch {

    /** Marks a command that cannot give the recorded reply; compared by identity, never by value. */
    private static final String DOES_NOT_FIT = new String("does not fit");

    /** How many of the last placed operations a failure report shows. */
    private static final int REPORTED_PREFIX = 4;

    private final String key;
    private final Operation[] ops;
    private final int completedCount;

    // One doubly linked list of entries: 0 is the head, 1 + 2i invokes op i, 2 + 2i completes it,
    // tail is the end. Removing and reinserting in reverse order restores it exactly.
    private final int[] next;
    private final int[] prev;
    private final int tail;

    private record Memo(BitSet placed, String value) {}

    // The deepest point the search reached, for the report.
    private int bestDepth = -1;
    private String bestValue;
    private int[] bestPrefix = new int[0];
    private List<Integer> bestCandidates = List.of();
    private int bestDeadline = -1;

    KeySearch(String key, List<Operation> operations) {
        this.key = key;
        // An open read has no reply to explain and changes nothing: it cannot matter.
        this.ops = operations.stream()
                .filter(op -> !(op.isOpen() && op.command().isRead()))
                .toArray(Operation[]::new);
        this.completedCount = (int) Arrays.stream(ops).filter(op -> !op.isOpen()).count();
        this.tail = 2 * ops.length + 1;
        this.next = new int[tail + 1];
        this.prev = new int[tail + 1];

        // Equal times: invocations first, so that touching intervals count as overlapping.
        int[] entries = IntStream.rangeClosed(1, 2 * ops.length)
                .filter(e -> isInvocation(e) || !ops[opOf(e)].isOpen())
                .boxed()
                .sorted(Comparator.<Integer>comparingLong(this::time)
                        .thenComparing(e -> isInvocation(e) ? 0 : 1)
                        .thenComparing(e -> e))
                .mapToInt(Integer::intValue)
                .toArray();
        int last = 0;
        for (int entry : entries) {
            next[last] = entry;
            prev[entry] = last;
            last = entry;
        }
        next[last] = tail;
        prev[tail] = last;
    }

    private static boolean isInvocation(int entry) {
        return entry % 2 == 1;
    }

    private static int opOf(int entry) {
        return (entry - 1) / 2;
    }

    private long time(int entry) {
        Operation op = ops[opOf(entry)];
        return isInvocation(entry) ? op.invoked() : op.completed();
    }

    CheckResult run(long budget) {
        int[] placedOps = new int[ops.length];
        String[] valuesBefore = new String[ops.length];
        int depth = 0;
        int placedCompleted = 0;
        BitSet placed = new BitSet(ops.length);
        Set<Memo> seen = new HashSet<>();
        String value = null; // every key starts absent
        int entry = next[0];
        for (long steps = 0; ; steps++) {
            if (placedCompleted == completedCount) {
                return CheckResult.linearizable();
            }
            if (steps == budget) {
                return new CheckResult(CheckResult.Outcome.UNKNOWN, key, String.format(
                        "key %s: gave up after %,d search steps, with at most %d of its %d operations in order",
                        key, steps, bestDepth, ops.length));
            }
            if (entry != tail && isInvocation(entry)) {
                int op = opOf(entry);
                String after = apply(ops[op], value);
                if (after != DOES_NOT_FIT) {
                    placed.set(op);
                    if (seen.add(new Memo((BitSet) placed.clone(), after))) {
                        placedOps[depth] = op;
                        valuesBefore[depth] = value;
                        depth++;
                        value = after;
                        placedCompleted += ops[op].isOpen() ? 0 : 1;
                        lift(op);
                        if (depth > bestDepth) {
                            remember(depth, value, placedOps);
                        }
                        entry = next[0];
                        continue;
                    }
                    placed.clear(op);
                }
                entry = next[entry];
            } else {
                // An operation completed before it was placed: undo the last choice, try the next.
                if (depth == 0) {
                    return new CheckResult(CheckResult.Outcome.NOT_LINEARIZABLE, key, report());
                }
                depth--;
                int op = placedOps[depth];
                value = valuesBefore[depth];
                placed.clear(op);
                placedCompleted -= ops[op].isOpen() ? 0 : 1;
                unlift(op);
                entry = next[1 + 2 * op];
            }
        }
    }

    /** The register's value after {@code op}, or DOES_NOT_FIT if the register cannot give its reply. */
    private static String apply(Operation op, String value) {
        Command c = op.command();
        String reply = op.reply();
        boolean open = op.isOpen();
        String presence = value == null ? "0" : "1";
        return switch (c.kind()) {
            case GET -> Objects.equals(reply, value) ? value : DOES_NOT_FIT;
            case EXISTS -> presence.equals(reply) ? value : DOES_NOT_FIT;
            case SET -> c.value();
            case DEL -> open || presence.equals(reply) ? null : DOES_NOT_FIT;
            case CAS -> {
                boolean swaps = c.expected().equals(value);
                if (!open && !reply.equals(swaps ? "1" : "0")) {
                    yield DOES_NOT_FIT;
                }
                yield swaps ? c.value() : value;
            }
        };
    }

    private void lift(int op) {
        remove(1 + 2 * op);
        if (!ops[op].isOpen()) {
            remove(2 + 2 * op);
        }
    }

    private void unlift(int op) {
        if (!ops[op].isOpen()) {
            reinsert(2 + 2 * op);
        }
        reinsert(1 + 2 * op);
    }

    private void remove(int entry) {
        next[prev[entry]] = next[entry];
        prev[next[entry]] = prev[entry];
    }

    private void reinsert(int entry) {
        next[prev[entry]] = entry;
        prev[next[entry]] = entry;
    }

    private void remember(int depth, String value, int[] placedOps) {
        bestDepth = depth;
        bestValue = value;
        bestPrefix = Arrays.copyOfRange(placedOps, Math.max(0, depth - REPORTED_PREFIX), depth);
        List<Integer> candidates = new ArrayList<>();
        int e = next[0];
        for (; e != tail && isInvocation(e); e = next[e]) {
            candidates.add(opOf(e));
        }
        bestCandidates = candidates;
        bestDeadline = e == tail ? -1 : opOf(e);
    }

    /** Where the search got furthest: the last operations it placed, then those that could not follow. */
    private String report() {
        if (bestDepth < 0) { // not even a first operation fits: report the start
            remember(0, null, new int[0]);
        }
        StringBuilder out = new StringBuilder(String.format(
                "key %s: no order of its %d operations fits a single register.", key, ops.length));
        if (bestDepth == 0) {
            out.append(String.format("%nNo operation can come first (%s is absent at the start):", key));
        } else {
            out.append(String.format("%nThe longest order found places %d of them, ending with:", bestDepth));
            for (int op : bestPrefix) {
                out.append(String.format("%n  %s", ops[op]));
            }
            out.append(String.format("%nafter which %s, and none of these can come next:", describe(bestValue)));
        }
        for (int op : bestCandidates) {
            String after = apply(ops[op], bestValue);
            out.append(String.format("%n  %-40s %s", ops[op], after == DOES_NOT_FIT
                    ? "(does not fit: " + describe(bestValue) + ")"
                    : "(fits, but then the rest does not)"));
        }
        if (bestDeadline >= 0 && bestCandidates.size() > 1) {
            out.append(String.format("%nthough one must, as %s completed at %d.",
                    ops[bestDeadline], ops[bestDeadline].completed()));
        }
        return out.toString();
    }

    private String describe(String value) {
        return value == null ? key + " is absent" : key + " = \"" + value + "\"";
    }
}
