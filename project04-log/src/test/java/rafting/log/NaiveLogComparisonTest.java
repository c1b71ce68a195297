package rafting.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RaftLog against a deliberately naive reference, on random appends. The reference does not walk
 * the entries: it builds the log the request describes (our prefix up to prevIndex, then the
 * entries) and keeps whichever of the two logs wins: the request's log when the two disagree
 * anywhere, otherwise the longer one.
 */
@Tag("part3")
class NaiveLogComparisonTest {

    static final class NaiveLog {
        List<LogEntry> entries = new ArrayList<>();

        boolean appendEntries(long prevIndex, long prevTerm, List<LogEntry> more) {
            if (prevIndex > entries.size()) {
                return false;
            }
            if (prevIndex > 0 && entries.get((int) prevIndex - 1).term() != prevTerm
                    || prevIndex == 0 && prevTerm != 0) {
                return false;
            }
            var requested = new ArrayList<>(entries.subList(0, (int) prevIndex));
            requested.addAll(more);
            boolean disagree = false;
            for (int i = 0; i < Math.min(requested.size(), entries.size()); i++) {
                disagree |= !requested.get(i).equals(entries.get(i));
            }
            if (disagree || requested.size() > entries.size()) {
                entries = requested;
            }
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void raftLogAgreesWithTheNaiveReference(long seed) {
        var random = new SplittableRandom(seed);
        var log = new RaftLog();
        var naive = new NaiveLog();
        // A few leaders' logs to copy slices from: random runs of non-decreasing terms, so that
        // appends overlap, agree, conflict, come late and repeat, as in a real cluster.
        var sources = new ArrayList<List<LogEntry>>();
        for (int s = 0; s < 4; s++) {
            sources.add(randomLog(random, 1 + random.nextInt(25)));
        }

        for (int step = 0; step < 3_000; step++) {
            if (random.nextInt(50) == 0) {
                sources.set(random.nextInt(sources.size()), randomLog(random, 1 + random.nextInt(25)));
            }
            var source = sources.get(random.nextInt(sources.size()));
            int prevIndex = random.nextInt(source.size() + 3);
            long prevTerm = prevIndex == 0 ? 0
                    : prevIndex <= source.size() && random.nextInt(6) != 0 ? source.get(prevIndex - 1).term()
                    : random.nextInt(1, 8);
            int from = Math.min(prevIndex, source.size());
            int count = random.nextInt(Math.max(1, source.size() - from + 1));
            var entries = source.subList(from, from + count);
            if (prevIndex > source.size() || (prevIndex > 0 && entries.size() > 0 && entries.get(0).term() < prevTerm)) {
                entries = List.of();
            }

            boolean expected = naive.appendEntries(prevIndex, prevTerm, entries);
            boolean actual = log.appendEntries(prevIndex, prevTerm, entries);

            String call = "step " + step + ": appendEntries(" + prevIndex + ", " + prevTerm + ", " + entries + ")";
            assertThat(actual).as(call).isEqualTo(expected);
            assertThat(log.entries()).as(call).isEqualTo(naive.entries);
        }
    }

    private static List<LogEntry> randomLog(SplittableRandom random, int length) {
        var entries = new ArrayList<LogEntry>();
        long term = 1;
        for (int i = 1; i <= length; i++) {
            term += random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0;
            entries.add(Logs.entry(i, term));
        }
        return entries;
    }
}
