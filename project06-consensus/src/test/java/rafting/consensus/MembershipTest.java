package rafting.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Part 1: the cluster as data. */
@Tag("part1")
class MembershipTest {

    @ParameterizedTest(name = "{0} servers need {1}")
    @CsvSource({"1,1", "2,2", "3,2", "4,3", "5,3", "6,4", "7,4"})
    void aQuorumIsMoreThanHalf(int size, int quorum) {
        assertThat(Membership.ofSize(size).quorum()).isEqualTo(quorum);
    }

    @Test
    void onlyMembersCountTowardsAQuorum() {
        var settings = Membership.of(1, 2, 3);
        assertThat(settings.isQuorum(List.of(1, 3))).isTrue();
        assertThat(settings.isQuorum(List.of(1, 1))).isFalse();
        assertThat(settings.isQuorum(List.of(1, 4, 5))).isFalse();
        assertThat(settings.others(2)).containsExactly(1, 3);
        assertThat(settings).hasToString("[1, 2, 3]");
    }

    record Case(String name, int size, Map<Integer, Long> match, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> quorumIndexes() {
        return Stream.of(
                new Case("3 nodes: two hold 5", 3, Map.of(1, 5L, 2, 5L, 3, 1L), 5),
                new Case("3 nodes: the middle one decides", 3, Map.of(1, 9L, 2, 4L, 3, 7L), 7),
                new Case("3 nodes: only the leader holds it", 3, Map.of(1, 9L), 0),
                new Case("5 nodes: three hold 6", 5, Map.of(1, 8L, 2, 6L, 3, 6L, 4, 2L, 5, 0L), 6),
                new Case("5 nodes: two are not enough", 5, Map.of(1, 8L, 2, 8L, 3, 3L, 4, 2L, 5, 1L), 3),
                new Case("5 nodes: all hold 4", 5, Map.of(1, 4L, 2, 4L, 3, 4L, 4, 4L, 5, 4L), 4),
                new Case("strangers do not count", 3, Map.of(1, 9L, 7, 9L, 8, 9L), 0));
    }

    @ParameterizedTest
    @MethodSource("quorumIndexes")
    void theQuorumIndexIsTheHighestIndexAMajorityHolds(Case c) {
        assertThat(Membership.ofSize(c.size()).quorumIndex(c.match())).isEqualTo(c.expected());
    }

    @Test
    void refusesEmptyDuplicatedOrBadlyNumberedClusters() {
        assertThatThrownBy(() -> Membership.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Membership.of(1, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Membership.of(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
