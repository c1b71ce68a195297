package rafting.sim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.sim.history.CheckResult.Outcome.LINEARIZABLE;
import static rafting.sim.history.CheckResult.Outcome.NOT_LINEARIZABLE;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.history.Command.Kind;

/** The models of issue 19's commands: each history either has an order that explains it, or has none. */
@Tag("part2")
class EverydayCommandsModelTest {

    private static Operation op(int client, long from, long to, Command command, String reply) {
        return Operation.completed(client, command, reply, from, to);
    }

    private static CheckResult.Outcome check(Operation... operations) {
        return LinearizabilityChecker.check(List.of(operations)).outcome();
    }

    @Test
    void concurrentIncrementsMustEachSeeTheOneBefore() {
        Command incr = Command.of(Kind.INCR, "n");
        assertThat(check(op(1, 1, 4, incr, "1"), op(2, 2, 5, incr, "2"), op(3, 6, 7, Command.get("n"), "2")))
                .isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 4, incr, "1"), op(2, 2, 5, incr, "1"))).isEqualTo(NOT_LINEARIZABLE);
        assertThat(check(op(1, 1, 2, incr, "1"), op(2, 3, 4, Command.get("n"), "0"))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void incrementOfAWordIsAnErrorAndChangesNothing() {
        assertThat(check(op(1, 1, 2, Command.of(Kind.APPEND, "n", "x"), "1"),
                op(1, 3, 4, Command.of(Kind.INCR, "n"), Command.NOT_AN_INTEGER),
                op(1, 5, 6, Command.get("n"), "x"))).isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 2, Command.set("n", "5"), "OK"),
                op(1, 3, 4, Command.of(Kind.INCR, "n"), Command.NOT_AN_INTEGER))).isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void getsetAndGetdelReturnTheValueTheyReplace() {
        assertThat(check(op(1, 1, 2, Command.set("k", "a"), "OK"), op(1, 3, 4, Command.of(Kind.GETSET, "k", "b"), "a"),
                op(1, 5, 6, Command.of(Kind.GETDEL, "k"), "b"), op(1, 7, 8, Command.of(Kind.GETDEL, "k"), null)))
                .isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 2, Command.of(Kind.GETSET, "k", "b"), null), op(2, 3, 4, Command.of(Kind.GETSET, "k", "c"), null)))
                .isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void onlyOneOfConcurrentSetnxWins() {
        assertThat(check(op(1, 1, 4, Command.of(Kind.SETNX, "k", "a"), "1"), op(2, 2, 5, Command.of(Kind.SETNX, "k", "b"), "0"),
                op(3, 6, 7, Command.get("k"), "a"))).isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 4, Command.of(Kind.SETNX, "k", "a"), "1"), op(2, 2, 5, Command.of(Kind.SETNX, "k", "b"), "1")))
                .isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void appendAndStrlenCountTheBytesSoFar() {
        assertThat(check(op(1, 1, 2, Command.of(Kind.APPEND, "k", "12"), "2"), op(2, 1, 3, Command.of(Kind.APPEND, "k", "345"), "5"),
                op(1, 4, 5, Command.of(Kind.STRLEN, "k"), "5"), op(1, 6, 7, Command.get("k"), "12345"))).isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 2, Command.of(Kind.APPEND, "k", "12"), "2"), op(1, 3, 4, Command.of(Kind.STRLEN, "k"), "3")))
                .isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void anUnreadSetStillCountsForAnIncrementAfterIt() {
        // The checker may merge values nobody reads; an INCR reads the number, so here it must not.
        assertThat(check(op(1, 1, 2, Command.set("n", "41"), "OK"), op(1, 3, 4, Command.of(Kind.INCR, "n"), "42")))
                .isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 2, Command.set("n", "41"), "OK"), op(1, 3, 4, Command.of(Kind.INCR, "n"), "1")))
                .isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void incrbyDecrAndDecrbyCountByTheirAmountAndRefuseToLeaveSixtyFourBits() {
        Command up = Command.of(Kind.INCRBY, "n", "10");
        Command down = Command.of(Kind.DECRBY, "n", "3");
        assertThat(check(op(1, 1, 4, up, "10"), op(2, 2, 5, down, "7"), op(3, 3, 6, Command.of(Kind.DECR, "n"), "6"),
                op(1, 7, 8, Command.get("n"), "6"))).isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 2, up, "10"), op(2, 3, 4, down, "-3"))).as("the DECRBY saw the INCRBY")
                .isEqualTo(NOT_LINEARIZABLE);

        Command toTheTop = Command.of(Kind.INCRBY, "n", Long.toString(Long.MAX_VALUE));
        assertThat(check(op(1, 1, 2, toTheTop, Long.toString(Long.MAX_VALUE)), op(1, 3, 4, Command.of(Kind.INCR, "n"), Command.NOT_AN_INTEGER),
                op(1, 5, 6, Command.of(Kind.DECR, "n"), Long.toString(Long.MAX_VALUE - 1)))).isEqualTo(LINEARIZABLE);
        assertThat(check(op(1, 1, 2, toTheTop, Long.toString(Long.MAX_VALUE)), op(1, 3, 4, Command.of(Kind.INCR, "n"), Long.MIN_VALUE + "")))
                .as("no wrapping round").isEqualTo(NOT_LINEARIZABLE);
    }

    @Test
    void anAmountThatIsNoSixtyFourBitIntegerIsNoCommand() {
        assertThat(Command.parse("INCRBY n 1.5")).isNull();
        assertThat(Command.parse("INCRBY n +1")).isNull();
        assertThat(Command.parse("DECRBY n " + Long.MIN_VALUE)).isNull();
        assertThat(Command.parse("INCRBY n " + Long.MIN_VALUE)).hasToString("INCRBY n " + Long.MIN_VALUE);
    }

    @Test
    void theNewCommandsReadBackFromTheirText() {
        for (String text : List.of("INCR x", "INCRBY x -4", "DECR x", "DECRBY x 9", "GETSET x 5", "SETNX x 6", "GETDEL x", "STRLEN x", "APPEND x 7")) {
            assertThat(Command.parse(text)).hasToString(text);
        }
        assertThat(Command.parse("INCR x 1")).isNull();
    }
}
