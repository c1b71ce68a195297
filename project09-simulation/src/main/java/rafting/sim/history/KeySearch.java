package rafting.sim.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The search for one key: is there an order of its operations, each placed between its invocation
 * and its completion, in which a single register gives every reply that was seen?
 *
 * <p>The invocations and completions of the completed operations sit in one list in time order.
 * The search walks it from the front: an invocation is an operation that could take effect now;
 * placing it ("lifting" it out of the list with its completion) moves the register on and
 * restarts the walk. Meeting a completion means that operation must be placed before anything
 * invoked later, so once the operations invoked so far are tried, the open ones (never completed)
 * invoked so far are tried too, and then the last choice is undone and the next one tried. Once
 * every completed operation is placed the history fits: the open operations left over simply
 * never took effect.
 *
 * <p>The memo (Lowe) records each state explored: the completed operations placed, the register's
 * value, and the open operations placed. A state is skipped if one with the same completed
 * operations and value but a subset of its open operations was explored: leaving an open operation
 * unplaced keeps every option of placing it. Trying completed operations before open ones makes
 * those smaller states come first.
 *
 * <p>Three more rules keep open operations cheap, each keeping at least one order whenever there
 * is one: open operations with the same command are placed in the order they were invoked; none
 * is placed right before a blind overwrite, which would hide it; values nobody can observe share
 * one stand-in. And {@link #run} may first search a looser problem, see there.
 *
 * <p>One rule keeps concurrent reads cheap. A completed operation whose reply says it left the
 * value alone (a GET or EXISTS, a CAS or DEL that answered 0) and that fits the register now is
 * placed at once, and the search never tries anything else in its place: any order that places it
 * later still works with it moved here, since it changes no value and everything that had to
 * precede it is placed already. Without this, a dozen reads and failed CAS in flight together
 * would have the search try every subset of them after each wrong early choice.
 */
final class KeySearch {

    /** How many of the last placed operations a failure report shows. */
    private static final int REPORTED_PREFIX = 4;
    /** How many search steps go by between two readings of the clock. */
    private static final int STEPS_PER_CLOCK_READING = 1024;

    private final String key;
    private final Budget budget;
    /** The clock's reading at which the time of the whole check is up. */
    private final long deadline;
    /** The completed operations (0 to completed - 1), then the open ones in order of invocation. */
    private final Operation[] ops;
    private final int completed;
    /**
     * The commands as the search runs them: every value written that no read returns and no CAS
     * expects is replaced by one stand-in. Nothing can tell such values apart, only whether the
     * key is present, so the search need not either; with unique values this merges many states.
     */
    private final Command[] model;
    private final String unobserved;
    /** For each completed operation: its reply says it did not change the value. */
    private final boolean[] harmless;

    // One doubly linked list of the completed operations' entries: 0 is the head, 1 + 2i invokes
    // op i, 2 + 2i completes it, tail is the end. Removing entries and reinserting them in reverse
    // order restores it exactly. A cursor past the tail, tail + 1 + c, points at class c of open
    // operations (below).
    private final int[] next;
    private final int[] prev;
    private final int tail;

    // Open operations with the same command are interchangeable, except that the one invoked first
    // may take effect earliest: so the search places them in the order they were invoked, and
    // tries only the first of each class not yet placed. Without this, a history with many open
    // DELs would have the search try every choice among them.
    private final int classCount;
    private final int[] classOf;
    private final int[] firstOfClass;
    private final int[] nextTwin;

    private record Memo(BitSet completedPlaced, String value) {}

    // The states the memo of the running search holds: its memory, bounded by the budget.
    private long remembered;

    // The deepest point the search reached, for the report.
    private int bestDepth = -1;
    private String bestValue;
    private String bestRealValue;
    private int[] bestPrefix = new int[0];
    private List<Integer> bestCandidates = List.of();
    private int bestDeadline = -1;

    /** A search with the default budget, its time starting now. */
    KeySearch(String key, List<Operation> operations) {
        this(key, operations, Budget.DEFAULT, Budget.DEFAULT.deadline());
    }

    KeySearch(String key, List<Operation> operations, Budget budget, long deadline) {
        this.key = key;
        this.budget = budget;
        this.deadline = deadline;
        // An open read has no reply to explain and changes nothing: it cannot matter.
        this.ops = Stream.concat(
                        operations.stream().filter(op -> !op.isOpen()),
                        operations.stream().filter(op -> op.isOpen() && !op.command().isRead())
                                .sorted(Comparator.comparingLong(Operation::invoked)))
                .toArray(Operation[]::new);
        this.completed = (int) operations.stream().filter(op -> !op.isOpen()).count();
        Set<String> observed = observedValues(ops);
        this.unobserved = standInOutside(observed);
        this.model = Arrays.stream(ops).map(op -> withStandIn(op.command(), observed)).toArray(Command[]::new);
        this.tail = 2 * completed + 1;
        this.next = new int[tail + 1];
        this.prev = new int[tail + 1];
        linkEntries();
        this.classOf = new int[ops.length];
        this.nextTwin = new int[ops.length];
        this.firstOfClass = groupTwins();
        this.classCount = firstOfClass.length;
        this.harmless = new boolean[completed];
        // A read of a value that expires narrows when it may expire, or finds it gone: it changes
        // the register, so the rule for harmless operations below does not hold for such a key.
        boolean expiring = Arrays.stream(ops).anyMatch(op -> op.command().kind() == Command.Kind.PSETEX);
        for (int op = 0; op < completed; op++) {
            Command command = ops[op].command();
            boolean refused = List.of(Command.Kind.CAS, Command.Kind.DEL, Command.Kind.SETNX).contains(command.kind())
                    && "0".equals(ops[op].reply());
            harmless[op] = (command.isRead() || refused) && !expiring;
        }
    }

    /** The values a read returns or a CAS expects: the only ones any reply depends on. */
    private static Set<String> observedValues(Operation[] ops) {
        Set<String> observed = new HashSet<>();
        for (Operation op : ops) {
            switch (op.command().kind()) {
                case GET, GETSET, GETDEL -> {
                    if (op.reply() != null) {
                        observed.add(op.reply());
                    }
                }
                case CAS -> observed.add(op.command().expected());
                case INCR, INCRBY, DECR, DECRBY, STRLEN, APPEND -> {
                    // These read what the value is, not only whether it is one they expect: every value counts.
                    for (Operation any : ops) {
                        if (any.command().value() != null) {
                            observed.add(any.command().value());
                        }
                    }
                    return observed;
                }
                default -> {
                }
            }
        }
        return observed;
    }

    private static String standInOutside(Set<String> observed) {
        String standIn = "(a value never read)";
        while (observed.contains(standIn)) {
            standIn += "'";
        }
        return standIn;
    }

    /** Links the entries of the completed operations in time order. */
    private void linkEntries() {
        // Equal times: invocations first, so that touching intervals count as overlapping.
        int[] entries = IntStream.rangeClosed(1, 2 * completed)
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

    /** Sorts the open operations into classes of equal commands; returns the first of each class. */
    private int[] groupTwins() {
        Map<Command, Integer> classes = new HashMap<>();
        List<Integer> firsts = new ArrayList<>();
        List<Integer> lasts = new ArrayList<>();
        for (int op = completed; op < ops.length; op++) {
            int c = classes.computeIfAbsent(model[op], m -> classes.size());
            classOf[op] = c;
            nextTwin[op] = -1;
            if (c == firsts.size()) {
                firsts.add(op);
                lasts.add(op);
            } else {
                nextTwin[lasts.get(c)] = op;
                lasts.set(c, op);
            }
        }
        return firsts.stream().mapToInt(Integer::intValue).toArray();
    }

    private Command withStandIn(Command c, Set<String> observed) {
        if (c.kind() == Command.Kind.SET && !observed.contains(c.value())) {
            return Command.set(c.key(), unobserved);
        }
        if (c.kind() == Command.Kind.CAS && !observed.contains(c.value())) {
            return Command.cas(c.key(), c.expected(), unobserved);
        }
        if (c.kind() == Command.Kind.PSETEX && !observed.contains(c.value())) {
            return Command.psetex(c.key(), c.millis(), unobserved);
        }
        return c;
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

    private boolean isOpen(int op) {
        return op >= completed;
    }

    /**
     * Searches within the budget, its steps and states counted per search. Without open operations that is one
     * search. With them, a short exact search first, which is enough for most histories that are
     * linearizable; if it cannot tell, a looser search where each open operation may take effect
     * any number of times: it has no open operations to remember, so it is about as fast as a
     * search without them, and if even it finds no order, none exists. Only if it finds one does
     * the exact search run in full.
     */
    CheckResult run() {
        if (completed == ops.length) {
            return search(budget.steps(), false);
        }
        CheckResult quick = search(Math.min(budget.steps(), 50L * ops.length), false);
        if (quick.outcome() != CheckResult.Outcome.UNKNOWN || quick.limit() == Budget.Limit.TIME) {
            return quick;
        }
        CheckResult loose = search(budget.steps(), true);
        if (loose.outcome() != CheckResult.Outcome.LINEARIZABLE) {
            return loose;
        }
        return search(budget.steps(), false);
    }

    /**
     * One depth-first search of at most {@code maxSteps} steps; {@code reuseOpen} lets open
     * operations take effect again and again.
     */
    CheckResult search(long maxSteps, boolean reuseOpen) {
        bestDepth = -1;
        remembered = 0;
        int[] placedOps = new int[ops.length];
        boolean[] forced = new boolean[ops.length]; // placed by the rule for harmless operations: no alternative to try
        String[] valuesBefore = new String[ops.length];
        String[] realValuesBefore = new String[ops.length];
        int depth = 0;
        int completedCount = 0;
        BitSet completedPlaced = new BitSet(completed);
        BitSet openPlaced = new BitSet(); // stays empty when open operations are reused
        int[] head = firstOfClass.clone(); // the first open operation of each class not placed, or -1
        Map<Memo, List<BitSet>> explored = new HashMap<>();
        String value = null; // every key starts absent
        String realValue = null; // the value with its stand-in undone, for the report
        int exhausted = tail + 1 + classCount; // a cursor past every candidate: undo the last choice
        int cursor = harmlessFit(null);
        long steps = 0; // operations tried on the register
        while (true) {
            if (completedCount == completed) {
                restoreList(placedOps, depth);
                return CheckResult.linearizable();
            }
            if (cursor <= tail && (cursor == tail || !isInvocation(cursor))) {
                cursor = tail + 1; // past the completed candidates: now the open ones
            }
            if (cursor > tail && cursor - tail - 1 < classCount && !inTime(head[cursor - tail - 1])) {
                cursor++; // this class has nothing that could take effect yet
                continue;
            }
            int op = cursor < tail ? opOf(cursor) : cursor - tail - 1 < classCount ? head[cursor - tail - 1] : -1;
            if (op == -1) {
                // Nothing else can come next: undo the last choice and try the one after it.
                if (depth == 0) {
                    return CheckResult.notLinearizable(key, report());
                }
                depth--;
                int undone = placedOps[depth];
                value = valuesBefore[depth];
                realValue = realValuesBefore[depth];
                if (isOpen(undone)) {
                    if (!reuseOpen) {
                        openPlaced.clear(undone);
                        head[classOf[undone]] = undone;
                    }
                    cursor = tail + 1 + classOf[undone] + 1;
                } else {
                    completedPlaced.clear(undone);
                    completedCount--;
                    unlift(undone);
                    cursor = forced[depth] ? exhausted : next[1 + 2 * undone];
                }
                continue;
            }
            Budget.Limit limit = steps == maxSteps ? Budget.Limit.STEPS
                    : remembered >= budget.states() ? Budget.Limit.MEMORY
                    : steps % STEPS_PER_CLOCK_READING == 0 && budget.clock().getAsLong() - deadline >= 0
                            ? Budget.Limit.TIME : null;
            if (limit != null) {
                restoreList(placedOps, depth);
                return CheckResult.unknown(key, limit, String.format(
                        "key %s: gave up after %s, with at most %d of its %d operations in order",
                        key, spent(limit, steps), bestDepth, ops.length));
            }
            steps++;
            String after = apply(op, value);
            boolean mustPlace = !isOpen(op) && harmless[op] && after != Register.DOES_NOT_FIT;
            // An open operation placed right before a blind overwrite would be hidden at once: the
            // same order without it (it may never take effect) does as well, so skip that order.
            // This keeps the search from trying every subset of the open operations in turn.
            boolean placeable = after != Register.DOES_NOT_FIT
                    && !(depth > 0 && isOpen(placedOps[depth - 1]) && Register.overwritesBlindly(model[op], isOpen(op)))
                    && firstVisit(explored, completedPlaced, openPlaced, isOpen(op) && reuseOpen ? -1 : op, after);
            if (!placeable) {
                // A harmless operation that fits leads to a state explored before, in vain: so does this one.
                cursor = mustPlace ? exhausted : cursor < tail ? next[cursor] : cursor + 1;
                continue;
            }
            if (depth == placedOps.length) { // only when open operations are reused
                placedOps = Arrays.copyOf(placedOps, 2 * depth);
                forced = Arrays.copyOf(forced, 2 * depth);
                valuesBefore = Arrays.copyOf(valuesBefore, 2 * depth);
                realValuesBefore = Arrays.copyOf(realValuesBefore, 2 * depth);
            }
            placedOps[depth] = op;
            forced[depth] = mustPlace;
            valuesBefore[depth] = value;
            realValuesBefore[depth] = realValue;
            realValue = realValueAfter(op, value, realValue);
            depth++;
            value = after;
            if (!isOpen(op)) {
                completedPlaced.set(op);
                completedCount++;
                lift(op);
            } else if (!reuseOpen) {
                openPlaced.set(op);
                head[classOf[op]] = nextTwin[op];
            }
            if (depth > bestDepth) {
                remember(depth, value, realValue, placedOps, head);
            }
            cursor = harmlessFit(value);
        }
    }

    /**
     * Where the walk starts in a new state: at a harmless completed candidate that fits
     * {@code value}, if there is one (it is placed without a choice), otherwise at the front.
     */
    private int harmlessFit(String value) {
        for (int e = next[0]; e != tail && isInvocation(e); e = next[e]) {
            int op = opOf(e);
            if (harmless[op] && apply(op, value) != Register.DOES_NOT_FIT) {
                return e;
            }
        }
        return next[0];
    }

    /** Puts the entries of the placed operations back, so that another search can start afresh. */
    private void restoreList(int[] placedOps, int depth) {
        for (int d = depth - 1; d >= 0; d--) {
            if (!isOpen(placedOps[d])) {
                unlift(placedOps[d]);
            }
        }
    }

    /** True if {@code openOp} exists and was invoked before the first pending completion. */
    private boolean inTime(int openOp) {
        return openOp >= 0 && ops[openOp].invoked() <= deadline();
    }

    /** When the first completed operation not yet placed completed: nothing invoked later can come next. */
    private long deadline() {
        int e = next[0];
        while (e != tail && isInvocation(e)) {
            e = next[e];
        }
        return e == tail ? Long.MAX_VALUE : time(e);
    }

    private String spent(Budget.Limit limit, long steps) {
        return switch (limit) {
            case STEPS -> String.format("%,d search steps (the budget's steps)", steps);
            case MEMORY -> String.format("%,d states remembered (the budget's memory)", remembered);
            case TIME -> String.format("%s (the budget's time), %,d search steps in", budget.time(), steps);
        };
    }

    /**
     * Records the state reached by placing {@code op} (-1 for an open operation that stays
     * available); false if it, or one with the same completed operations and value but fewer open
     * operations placed, was explored before.
     */
    private boolean firstVisit(Map<Memo, List<BitSet>> explored, BitSet completedPlaced, BitSet openPlaced,
                               int op, String value) {
        BitSet placed = op < 0 ? null : isOpen(op) ? openPlaced : completedPlaced;
        if (placed != null) {
            placed.set(op); // for the look-up only: copies go into the memo
        }
        try {
            List<BitSet> openSets = explored.get(new Memo(completedPlaced, value));
            if (openSets == null) {
                openSets = new ArrayList<>(1);
                explored.put(new Memo((BitSet) completedPlaced.clone(), value), openSets);
            }
            for (BitSet seen : openSets) {
                if (isSubset(seen, openPlaced)) {
                    return false;
                }
            }
            openSets.add((BitSet) openPlaced.clone());
            remembered++;
            return true;
        } finally {
            if (placed != null) {
                placed.clear(op);
            }
        }
    }

    private static boolean isSubset(BitSet small, BitSet large) {
        for (int i = small.nextSetBit(0); i >= 0; i = small.nextSetBit(i + 1)) {
            if (!large.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The value after {@code op} in the search's terms (stand-in included), or Register.DOES_NOT_FIT. */
    private String apply(int op, String value) {
        return Register.after(model[op], ops[op].reply(), isOpen(op), value, ops[op].invoked(), ops[op].completed());
    }

    /** The real value after {@code op}, which fits, is placed on a register holding {@code value}. */
    private String realValueAfter(int op, String value, String realValue) {
        Command c = ops[op].command();
        return switch (c.kind()) {
            case GET, EXISTS -> ops[op].reply() == null || ops[op].reply().equals("0") ? null : realValue;
            case SET, PSETEX -> c.value();
            case PTTL -> "-2".equals(ops[op].reply()) ? null : realValue;
            case DEL -> null;
            // The expected value is one a read can return, so the stand-in never hides a match.
            case CAS -> c.expected().equals(value) ? c.value() : realValue;
            // The others see stand-ins only where a value is absent or present alike, or none at all.
            default -> Register.valueOf(Register.after(c, ops[op].reply(), true, realValue));
        };
    }

    private void lift(int op) {
        remove(1 + 2 * op);
        remove(2 + 2 * op);
    }

    private void unlift(int op) {
        reinsert(2 + 2 * op);
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

    private void remember(int depth, String value, String realValue, int[] placedOps, int[] head) {
        bestDepth = depth;
        bestValue = value;
        bestRealValue = realValue;
        bestPrefix = Arrays.copyOfRange(placedOps, Math.max(0, depth - REPORTED_PREFIX), depth);
        List<Integer> candidates = new ArrayList<>();
        int e = next[0];
        for (; e != tail && isInvocation(e); e = next[e]) {
            candidates.add(opOf(e));
        }
        bestDeadline = e == tail ? -1 : opOf(e);
        for (int openOp : head) {
            if (inTime(openOp)) {
                candidates.add(openOp);
            }
        }
        bestCandidates = candidates;
    }

    /** Where the search got furthest: the last operations it placed, then those that could not follow. */
    private String report() {
        if (bestDepth < 0) { // not even a first operation fits: report the start
            remember(0, null, null, new int[0], firstOfClass);
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
            out.append(String.format("%nafter which %s, and none of these can come next:", describe(bestRealValue)));
        }
        for (int op : bestCandidates) {
            String after = apply(op, bestValue);
            out.append(String.format("%n  %-40s %s", ops[op], after == Register.DOES_NOT_FIT
                    ? "(does not fit: " + describe(bestRealValue) + ")"
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
