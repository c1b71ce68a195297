package rafting.sim.timeline;

import java.util.List;

/**
 * A trace as one self-contained HTML page: inline SVG and a little JavaScript, nothing fetched (no
 * {@code http}, {@code src=}, {@code href=} or {@code @import} anywhere but the SVG's {@code xmlns}).
 * Time runs down, one <em>row</em> per moment (a run of events with the same {@code time}, rows
 * numbered from 0).
 *
 * <p>What the tests count, exactly (x of node n's lane = {@code LEFT + i * LANE + LANE / 2}, i the
 * node's place among the nodes in the trace in ascending order; y of row r =
 * {@code TOP + r * ROW + ROW / 2}):
 * <ul>
 * <li>per node a header {@code <text class="lane" data-node="n" ...>n1</text>};
 * <li>per stretch of a node in one role a {@code <rect class="role leader|candidate|follower|pre-candidate|down" ...>}
 *     (a crash starts a {@code down} stretch) and, but for {@code down}, a text {@code >leader t1<} (role, space,
 *     {@code t} and the term);
 * <li>per delivered message {@code <line class="arrow" data-row="R" x1="X1" y1="Y1" x2="X2" y2="Y2" ...>}
 *     in exactly that attribute order: from the sender's lane at its send's row to the receiver's at
 *     the delivery's row R; per dropped message an element of {@code class="dropped"};
 * <li>per commit event a {@code <circle class="commit" ...>}, and an element of {@code class="committed"}
 *     each time the highest index committed anywhere rises;
 * <li>per crash (to its restart, or the end) an element of {@code class="fault crash"}, per partition
 *     (to its heal, or the end) one of {@code class="fault partition"};
 * <li>per client operation (request to reply, or to the end) a {@code <rect class="op" ...>};
 * <li>per row a {@code <g class="row" data-row="R">} whose first child is a {@code <rect>} band;
 * <li>for the first violation {@code <g id="violation" class="violation" data-row="R" ...>} holding the text
 *     {@code VIOLATED } and its sentence; none without a violation.
 * </ul>
 * Text from the run and the title are HTML-escaped ({@code <} as {@code &lt;}). The SVG sits in a
 * {@code <main>} element that scrolls; the page embeds the trace, every event as
 * {@link TraceJson#write} writes it, in its one {@code <script>} (exactly one {@code </script>}).
 *
 * <p>In the browser ({@code TimelineBrowserTest}): the page opens scrolled to the violation; a click
 * on a row's band, or the arrow keys (down: the next row, up: the one before), fills
 * {@code <aside id="state">} with {@code <b>after time T</b>} (T the row's time) and a table with one
 * {@code <tr class="node-state" data-node="n">} per node whose text is {@code n1}, the role and term
 * ({@code leader t=2}, or {@code down t=2}), {@code commit=C} and {@code log=[1:no-op, 1:DEL y]}: the
 * node's log ({@code term:text} per entry) and commit index after that row, computed from the trace.
 */
public final class TimelinePage {

    /** The height of a row, in pixels. */
    static final int ROW = 20;
    /** The width of a node's lane. */
    static final int LANE = 150;
    /** Where the first row starts, below the headers. */
    static final int TOP = 40;
    /** Where the first lane starts, right of the times. */
    static final int LEFT = 50;

    private TimelinePage() {
    }

    /** The page of {@code events}, in the order they happened, titled {@code title}. */
    public static String of(String title, List<TraceEvent> events) {
        throw new UnsupportedOperationException("Part 9: write TimelinePage.of");
    }
}
