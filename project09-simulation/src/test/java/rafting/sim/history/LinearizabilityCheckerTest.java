package rafting.sim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.sim.history.CheckResult.Outcome.LINEARIZABLE;
import static rafting.sim.history.CheckResult.Outcome.NOT_LINEARIZABLE;
import static rafting.sim.history.CheckResult.Outcome.UNKNOWN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

@Tag("part2")
class LinearizabilityCheckerTest {

    // Short hands: client, invoked, completed, then the command and its reply.

    static Operation set(int client, long from, long to, String key, String value) {
        return Operation.completed(client, Command.set(key, value), "OK", from, to);
    }

    static Operation get(int client, long from, long to, String key, String reply) {
        return Operation.completed(client, Command.get(key), reply, from, to);
    }

    static Operation cas(int client, long from, long to, String key, String expected, String value, String reply) {
        return Operation.completed(client, Command.cas(key, expected, value), reply, from, to);
    }

    static Operation del(int client, long from, long to, String key, String reply) {
        return Operation.completed(client, Command.del(key), reply, from, to);
    }

    static Operation exists(int client, long from, long to, String key, String reply) {
        return Operation.completed(client, Command.exists(key), reply, from, to);
    }

    static Operation open(int client, long from, Command command) {
        return Operation.open(client, command, from);
    }

    record Case(String name, CheckResult.Outcome expected, List<Operation> history) {
        Case(String name, CheckResult.Outcome expected, Operation... history) {
            this(name, expected, List.of(history));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a read after a write sees it", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), get(2, 2, 3, "x", "1")),
                new Case("a key starts absent", LINEARIZABLE,
                        get(1, 0, 1, "x", null), set(1, 2, 3, "x", "1")),
                new Case("stale read after a completed write", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), set(1, 2, 3, "x", "2"), get(2, 4, 5, "x", "1")),
                new Case("read of nothing after a completed write", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), get(2, 2, 3, "x", null)),
                new Case("a read during a write may see the old value", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), set(1, 2, 10, "x", "2"), get(2, 3, 4, "x", "1")),
                new Case("a read during a write may see the new value", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), set(1, 2, 10, "x", "2"), get(2, 3, 4, "x", "2")),
                new Case("concurrent writes, then a read of the first", LINEARIZABLE,
                        set(1, 0, 10, "x", "1"), set(2, 0, 10, "x", "2"), get(3, 11, 12, "x", "1")),
                new Case("concurrent writes, then a read of the second", LINEARIZABLE,
                        set(1, 0, 10, "x", "1"), set(2, 0, 10, "x", "2"), get(3, 11, 12, "x", "2")),
                new Case("concurrent writes seen in both orders during them", LINEARIZABLE,
                        set(1, 0, 10, "x", "1"), set(2, 0, 10, "x", "2"),
                        get(3, 1, 2, "x", "2"), get(3, 3, 4, "x", "1")),
                new Case("after concurrent writes end, two reads must agree", NOT_LINEARIZABLE,
                        set(1, 0, 10, "x", "1"), set(2, 0, 10, "x", "2"),
                        get(3, 11, 12, "x", "1"), get(3, 13, 14, "x", "2")),
                new Case("a read of a value never written", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), get(2, 0, 3, "x", "7")),
                new Case("reads going back in time", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), set(1, 2, 10, "x", "2"),
                        get(2, 3, 4, "x", "2"), get(2, 5, 6, "x", "1")),
                new Case("an open write seen by a later read", LINEARIZABLE,
                        open(1, 0, Command.set("x", "1")), get(2, 5, 6, "x", "1")),
                new Case("an open write not seen by a later read", LINEARIZABLE,
                        open(1, 0, Command.set("x", "1")), get(2, 5, 6, "x", null)),
                new Case("an open write taking effect late", LINEARIZABLE,
                        open(1, 0, Command.set("x", "1")), get(2, 5, 6, "x", null), get(2, 7, 8, "x", "1")),
                new Case("an open write cannot be undone", NOT_LINEARIZABLE,
                        open(1, 0, Command.set("x", "1")), get(2, 5, 6, "x", "1"), get(2, 7, 8, "x", null)),
                new Case("an open write takes effect once only", NOT_LINEARIZABLE,
                        open(1, 0, Command.set("x", "1")), get(2, 1, 2, "x", "1"), set(2, 3, 4, "x", "2"),
                        get(2, 5, 6, "x", "1")),
                new Case("twin open writes can take effect once each", LINEARIZABLE,
                        open(1, 0, Command.set("x", "1")), open(3, 0, Command.set("x", "1")),
                        get(2, 1, 2, "x", "1"), set(2, 3, 4, "x", "2"), get(2, 5, 6, "x", "1")),
                new Case("an open write cannot act before it was sent", NOT_LINEARIZABLE,
                        get(2, 0, 1, "x", "1"), open(1, 2, Command.set("x", "1"))),
                new Case("a successful CAS", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), cas(1, 2, 3, "x", "1", "2", "1"), get(2, 4, 5, "x", "2")),
                new Case("a CAS cannot succeed on an absent key", NOT_LINEARIZABLE,
                        cas(1, 0, 1, "x", "1", "2", "1")),
                new Case("a CAS that expects another value fails", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), cas(1, 2, 3, "x", "5", "6", "0"), get(2, 4, 5, "x", "1")),
                new Case("a CAS that expects the value cannot fail", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), cas(1, 2, 3, "x", "1", "2", "0")),
                new Case("two concurrent CAS from one value cannot both succeed", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), cas(1, 2, 5, "x", "1", "2", "1"), cas(2, 2, 5, "x", "1", "3", "1")),
                new Case("concurrent CAS that chain can both succeed", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), cas(1, 2, 5, "x", "2", "3", "1"), cas(2, 2, 5, "x", "1", "2", "1"),
                        get(3, 6, 7, "x", "3")),
                new Case("an open CAS seen by a later read", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), open(1, 2, Command.cas("x", "1", "2")), get(2, 4, 5, "x", "2")),
                new Case("DEL of a present key, then it is gone", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), del(1, 2, 3, "x", "1"), get(2, 4, 5, "x", null),
                        exists(2, 6, 7, "x", "0")),
                new Case("DEL cannot miss a key that is certainly there", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), del(1, 2, 3, "x", "0")),
                new Case("EXISTS cannot see a key after its DEL completed", NOT_LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), del(1, 2, 3, "x", "1"), exists(2, 4, 5, "x", "1")),
                new Case("an open DEL may have removed the key", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), open(1, 2, Command.del("x")), get(2, 4, 5, "x", null)),
                new Case("touching intervals overlap", LINEARIZABLE,
                        set(1, 0, 5, "x", "1"), get(2, 5, 6, "x", null)),
                new Case("intervals one apart do not", NOT_LINEARIZABLE,
                        set(1, 0, 5, "x", "1"), get(2, 6, 7, "x", null)),
                new Case("keys are independent", LINEARIZABLE,
                        set(1, 0, 1, "x", "1"), get(2, 2, 3, "y", null), set(2, 4, 5, "y", "2"),
                        get(1, 6, 7, "x", "1")),
                new Case("an empty history", LINEARIZABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesHandMadeHistories(Case c) {
        CheckResult result = LinearizabilityChecker.check(c.history());

        assertThat(result.outcome()).as(result.toString()).isEqualTo(c.expected());
    }

    @Test
    void theLooseSearchLetsAnOpenWriteActTwiceAndTheExactOneDoesNot() {
        List<Operation> history = List.of(open(1, 0, Command.set("x", "1")), get(2, 1, 2, "x", "1"),
                set(2, 3, 4, "x", "2"), get(2, 5, 6, "x", "1"));

        // The loose search is only a filter: "no order" there means no order at all.
        assertThat(new KeySearch("x", history).search(1_000, true).outcome()).isEqualTo(LINEARIZABLE);
        assertThat(new KeySearch("x", history).search(1_000, false).outcome()).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void explainsWhichOperationsCouldNotBeOrdered() {
        CheckResult result = LinearizabilityChecker.check(List.of(
                set(1, 0, 1, "y", "9"),
                set(1, 2, 3, "x", "1"), set(1, 4, 5, "x", "2"), get(2, 6, 7, "x", "1")));

        assertThat(result.outcome()).isEqualTo(NOT_LINEARIZABLE);
        assertThat(result.key()).isEqualTo("x");
        assertThat(result.explanation())
                .contains("key x: no order of its 3 operations")
                .contains("places 2 of them")
                .contains("c1 [4, 5] SET x 2 -> OK")
                .contains("after which x = \"2\"")
                .contains("c2 [6, 7] GET x -> \"1\"")
                .contains("does not fit");
    }

    @Test
    void namesTheFirstKeyThatFails() {
        CheckResult result = LinearizabilityChecker.check(List.of(
                get(1, 0, 1, "b", "never written"), get(1, 0, 1, "c", "never written"),
                get(1, 0, 1, "a", null)));

        assertThat(result.key()).isEqualTo("b");
        assertThat(result.explanation()).contains("No operation can come first (b is absent at the start)");
    }

    @Test
    void givesUpHonestlyWhenTheBudgetRunsOut() {
        // Twenty writes all at once and a read of a value none of them wrote: proving that no
        // order works means trying every subset of the writes.
        List<Operation> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(set(i, 0, 100, "x", "v" + i));
        }
        history.add(get(99, 50, 60, "x", "never written"));

        CheckResult result = LinearizabilityChecker.check(history, Budget.DEFAULT.withSteps(10_000));

        assertThat(result.outcome()).isEqualTo(UNKNOWN);
        assertThat(result.key()).isEqualTo("x");
        assertThat(result.limit()).isEqualTo(Budget.Limit.STEPS);
        assertThat(result.explanation()).contains("gave up after 10,000 search steps");
    }

    @Test
    void givesUpHonestlyWhenTheTimeIsUp() {
        // A clock that moves one millisecond each time it is read, and five milliseconds to spend.
        long[] now = {0};
        Budget fiveMillis = Budget.DEFAULT.withSteps(Long.MAX_VALUE).withTime(Duration.ofMillis(5))
                .withClock(() -> now[0] += 1_000_000);

        CheckResult result = LinearizabilityChecker.check(twentyWritesAndABadRead("x"), fiveMillis);

        assertThat(result.outcome()).isEqualTo(UNKNOWN);
        assertThat(result.limit()).isEqualTo(Budget.Limit.TIME);
        assertThat(result.explanation()).contains("the budget's time");
    }

    @Test
    void givesUpHonestlyWhenTheMemoryIsFull() {
        Budget hundredStates = Budget.DEFAULT.withSteps(Long.MAX_VALUE).withStates(100);

        CheckResult result = LinearizabilityChecker.check(twentyWritesAndABadRead("x"), hundredStates);

        assertThat(result.outcome()).isEqualTo(UNKNOWN);
        assertThat(result.limit()).isEqualTo(Budget.Limit.MEMORY);
        assertThat(result.explanation()).contains("gave up after 100 states remembered");
    }

    @Test
    void searchesNoFurtherKeyOnceTheTimeIsUp() {
        // Key "a" uses up the time; "b" would fail at once, but is never searched.
        long[] now = {0};
        Budget fiveMillis = Budget.DEFAULT.withSteps(Long.MAX_VALUE).withTime(Duration.ofMillis(5))
                .withClock(() -> now[0] += 1_000_000);
        List<Operation> history = twentyWritesAndABadRead("a");
        history.add(get(1, 0, 1, "b", "never written"));

        CheckResult result = LinearizabilityChecker.check(history, fiveMillis);

        assertThat(result.outcome()).isEqualTo(UNKNOWN);
        assertThat(result.key()).isEqualTo("a");
    }

    @Test
    void aGoodHistoryNeedsLittleOfTheBudget() {
        List<Operation> history = List.of(set(1, 0, 1, "x", "1"), get(2, 2, 3, "x", "1"));

        CheckResult result = LinearizabilityChecker.check(history, Budget.DEFAULT.withSteps(10).withStates(10));

        assertThat(result.outcome()).isEqualTo(LINEARIZABLE);
        assertThat(result.limit()).isNull();
    }

    /** Twenty writes all at once and a read of a value none of them wrote. */
    private static List<Operation> twentyWritesAndABadRead(String key) {
        List<Operation> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(set(i, 0, 100, key, "v" + i));
        }
        history.add(get(99, 50, 60, key, "never written"));
        return history;
    }

    @Test
    void aFailingKeyOutranksAnUnknownOne() {
        List<Operation> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(set(i, 0, 100, "a", "v" + i));
        }
        history.add(get(99, 50, 60, "a", "never written"));
        history.add(get(1, 0, 1, "b", "never written"));

        assertThat(LinearizabilityChecker.check(history, Budget.DEFAULT.withSteps(10_000)).key()).isEqualTo("b");
    }

    @Test
    void rejectsMalformedOperations() {
        assertThatThrownBy(() -> set(1, 5, 4, "x", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it was invoked");
        assertThatThrownBy(() -> Operation.completed(1, Command.set("x", "1"), "1", 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SET replies OK");
        assertThatThrownBy(() -> cas(1, 0, 1, "x", "1", "2", "true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CAS replies 0 or 1");
        assertThatThrownBy(() -> new Command(Command.Kind.GET, "x", null, "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.DEFAULT.withSteps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 step");
        assertThatThrownBy(() -> Budget.DEFAULT.withStates(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 state");
        assertThatThrownBy(() -> Budget.DEFAULT.withTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive time");
    }

    @Test
    void printsOperationsLikeATrace() {
        assertThat(get(2, 4, 7, "x", "1")).hasToString("c2 [4, 7] GET x -> \"1\"");
        assertThat(get(2, 8, 9, "y", null)).hasToString("c2 [8, 9] GET y -> nil");
        assertThat(open(1, 3, Command.cas("x", "1", "2"))).hasToString("c1 [3, -] CAS x 1 2 -> ?");
    }
}
