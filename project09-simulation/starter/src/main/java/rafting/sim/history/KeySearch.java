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

    // One doubly linked list of the completed operations' entries: 0 is the head, 1 + 2i invokes
    // op i, 2 + 2i completes it, tail is the end. Removing entries and reinserting them in reverse
    // order restores it exactly. A cursor past the tail, tail + 1 + c, points at class c of open
    // operations (below).

    // Open operations with the same command are interchangeable, except that the one invoked first
    // may take effect earliest: so the search places them in the order they were invoked, and
    // tries only the first of each class not yet placed. Without this, a history with many open
    // DELs would have the search try every choice among them.

    // The deepest point the search reached, for the report.

    /** The search of {@code key}'s operations with the {@linkplain Budget#DEFAULT default budget}, its time starting now. */
    KeySearch(String key, List<Operation> operations) {
        throw new UnsupportedOperationException("Part 2: write KeySearch");
    }

    /**
     * One depth-first search of at most {@code maxSteps} steps; {@code reuseOpen} lets open
     * operations take effect again and again. (How {@code check} combines searches: without open
     * operations, one search. With them, a short exact search first, which is enough for most
     * histories that are linearizable; if it cannot tell, a looser search where each open
     * operation may take effect any number of times: if even it finds no order, none exists.
     * Only if it finds one does the exact search run in full.)
     */
    CheckResult search(long maxSteps, boolean reuseOpen) {
        throw new UnsupportedOperationException("Part 2: write KeySearch.search");
    }

}
