package rafting.sim.bench;

import java.util.List;
import java.util.Optional;
import rafting.sim.explore.Machine;

/**
 * The sliding puzzle on a grid of {@code rows} by {@code columns}: tiles 1, 2, ... and one gap
 * ({@code _}), written row after row. An event slides the gap one cell up, down, left or right.
 * Exactly half of all orderings of the tiles are reachable (the parity argument), which makes
 * the state count known in advance: 6!/2 = 360 for 2 by 3, 9!/2 = 181,440 for 3 by 3.
 */
final class SlidingPuzzle implements Machine<String, SlidingPuzzle.Move> {

    enum Move {
        UP(-1, 0), DOWN(1, 0), LEFT(0, -1), RIGHT(0, 1);

        final int dRow;
        final int dColumn;

        Move(int dRow, int dColumn) {
            this.dRow = dRow;
            this.dColumn = dColumn;
        }
    }

    private static final List<Move> MOVES = List.of(Move.values());

    private final int rows;
    private final int columns;

    SlidingPuzzle(int rows, int columns) {
        if (rows < 1 || columns < 1 || rows * columns > 10) {
            throw new IllegalArgumentException("a puzzle of 1 to 10 cells, not " + rows + " by " + columns);
        }
        this.rows = rows;
        this.columns = columns;
    }

    /** The solved puzzle: tiles in order, the gap last. */
    String solved() {
        StringBuilder cells = new StringBuilder();
        for (int tile = 1; tile < rows * columns; tile++) {
            cells.append((char) ('0' + tile % 10));
        }
        return cells.append('_').toString();
    }

    @Override
    public List<String> initialStates() {
        return List.of(solved());
    }

    @Override
    public List<Move> events(String state) {
        return MOVES;
    }

    @Override
    public Optional<String> next(String state, Move move) {
        int gap = state.indexOf('_');
        int row = gap / columns + move.dRow;
        int column = gap % columns + move.dColumn;
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            return Optional.empty();
        }
        char[] cells = state.toCharArray();
        int other = row * columns + column;
        cells[gap] = cells[other];
        cells[other] = '_';
        return Optional.of(new String(cells));
    }
}
