package rafting.log;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.log.Logs.terms;
import static rafting.log.Logs.withTerms;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paper's Figure 7: a leader of term 8 whose log holds terms 1 1 1 4 4 5 5 6 6 6 sends each
 * follower its new entry of term 8, at index 11, after index 10 of term 6.
 */
@Tag("part3")
class Figure7Test {

    record Follower(String name, long[] before, boolean accepts, long[] after) {
        @Override
        public String toString() {
            return "(" + name + ") " + Arrays.toString(before);
        }
    }

    static Stream<Follower> followers() {
        return Stream.of(
                new Follower("a", t(1, 1, 1, 4, 4, 5, 5, 6, 6), false, t(1, 1, 1, 4, 4, 5, 5, 6, 6)),
                new Follower("b", t(1, 1, 1, 4), false, t(1, 1, 1, 4)),
                new Follower("c", t(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6), true, t(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8)),
                new Follower("d", t(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7), true, t(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8)),
                new Follower("e", t(1, 1, 1, 4, 4, 4, 4), false, t(1, 1, 1, 4, 4, 4, 4)),
                new Follower("f", t(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3), false, t(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3)));
    }

    @ParameterizedTest
    @MethodSource("followers")
    void theLeadersEntryOfTerm8AfterIndex10OfTerm6(Follower follower) {
        var log = withTerms(follower.before());

        boolean accepted = log.appendEntries(10, 6, List.of(Logs.entry(11, 8)));

        assertThat(accepted).isEqualTo(follower.accepts());
        assertThat(terms(log)).containsExactlyElementsOf(Arrays.stream(follower.after()).boxed().toList());
        if (accepted) {
            assertThat(log.entry(11)).isEqualTo(Logs.entry(11, 8));
        }
    }

    private static long[] t(long... terms) {
        return terms;
    }
}
