package rafting.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.explore.ExplorationResult;
import rafting.sim.explore.Explorer;
import rafting.sim.explore.Machine;

@Tag("part1")
class SlidingPuzzleTest {

    @Test
    void reachesHalfOfAllOrderingsOfATwoByThreePuzzle() {
        ExplorationResult<String, SlidingPuzzle.Move> result = Explorer.of(new SlidingPuzzle(2, 3)).run();

        // 6!/2 = 360 states. The gap sits in each of the 6 cells in 60 of them; it has 2 moves in
        // the 4 corners and 3 in the 2 middle cells: 60 * (4*2 + 2*3) = 840 transitions.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(360);
        assertThat(result.transitions()).isEqualTo(840);
    }

    @Test
    void reachesHalfOfAllOrderingsOfTheEightPuzzle() {
        ExplorationResult<String, SlidingPuzzle.Move> result = Explorer.of(new SlidingPuzzle(3, 3)).run();

        // 9!/2 = 181,440 states, 20,160 per gap cell; 2 moves in 4 corners, 3 on 4 edges, 4 in
        // the centre: 20,160 * 24 = 483,840 transitions.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(181_440);
        assertThat(result.transitions()).isEqualTo(483_840);
    }

    @Test
    void findsAShortestSolutionAsACounterexample() {
        // "Never solved" is broken exactly when the puzzle is solved, so the trace is a shortest
        // solution: here, from a puzzle two moves away from solved.
        SlidingPuzzle puzzle = new SlidingPuzzle(2, 3);
        ExplorationResult<String, SlidingPuzzle.Move> result = Explorer.of(
                        Machine.of(List.of("1_2453"), puzzle::events, puzzle::next))
                .invariant("never solved", s -> !s.equals("12345_"))
                .run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).containsExactly(SlidingPuzzle.Move.RIGHT, SlidingPuzzle.Move.DOWN);
    }
}
