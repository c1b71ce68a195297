package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceFiles;
import rafting.sim.timeline.TraceJson;

@Tag("part10")
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void searchingForAFlawPrintsTheShrunkStoryAndTheReplayCommand() {
        int status = main.run(new String[] {"search", "--flaw", "vote_twice_in_a_term", "--seeds", "50"});

        assertThat(status).isZero();
        assertThat(out()).contains("found after", "shrunk from", "VIOLATED Election Safety",
                "replay the whole run: project09-simulation/sim replay --seed ");
    }

    @Test
    void theMutationTableSaysWhichCheckerFindsAFlawAndHowFast() {
        int status = main.run(new String[] {"mutations", "--flaw", "VOTE_TWICE_IN_A_TERM", "--explore-seconds", "30"});

        assertThat(status).isZero();
        // One Markdown row: the search, the clients' view, the explorer at the first bounds of its ladder, TLC's model.
        assertThat(out()).contains("| flaw | simulator", "- E1: 3 servers, terms <= 2")
                .containsPattern("\\| `VOTE_TWICE_IN_A_TERM` \\| seed \\d+; \\d+ events; [0-9.]+ s \\+ [0-9.]+ s \\| seed \\d+, \\w+")
                .contains("| E1: Election Safety; 7 events; ", "| `RaftVoteTwiceInATerm.cfg`: OneLeaderPerTerm |");
    }

    @Test
    void theMutationTableSaysWhyTheExplorerCannotShowAFlawOfTheStateMachine() {
        int status = main.run(new String[] {"mutations", "--flaw", "SESSIONS_LEFT_OUT_OF_SNAPSHOT", "--explore-seconds", "3"});

        assertThat(status).isZero();
        assertThat(out()).contains("| not run: no state machine in the explorer |", "| no model: Raft.tla has no state machine |");
    }

    @Test
    void replayingASeedTellsEveryEvent() {
        int status = main.run(new String[] {"replay", "--seed", "3", "--steps", "40", "--mix", "lossy"});

        assertThat(status).isZero();
        assertThat(out()).contains("seed 3, 3 nodes, 40 steps").contains("  40  ").contains("every invariant held");
    }

    @Test
    void replayingWithShrinkTellsTheShortStory() {
        int status = main.run(new String[] {"replay", "--seed", "2", "--flaw", "LOWER_COMMIT_INDEX", "--shrink"});

        assertThat(status).isZero();
        assertThat(out()).contains("shrunk from", "VIOLATED Commit index never goes back");
    }

    @Test
    void withTheClientViewAFlawShowsAsAHistoryThatIsNotLinearizable() {
        int status = main.run(new String[] {"replay", "--seed", "2", "--flaw", "ACKNOWLEDGE_BEFORE_DURABLE", "--client-view", "--shrink"});

        assertThat(status).isZero();
        // The disk that held a write besides the leader's is lost; the write is acknowledged; a read misses it.
        assertThat(out()).containsPattern("(?s)crashes.*answered c1 \\[1, 2\\] SET (\\w) \\d+ -> OK.*GET \\1 -> nil")
                .contains("VIOLATED Linearizability", "--flaw ACKNOWLEDGE_BEFORE_DURABLE --client-view");
    }

    @Test
    void replayWritesTheTraceAndThePageAndTimelineDrawsATraceFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Path page = dir.resolve("run.html");
        int status = main.run(new String[] {"replay", "--seed", "3", "--steps", "40", "--trace", trace.toString(), "--html", page.toString()});

        assertThat(status).isZero();
        assertThat(out()).contains("trace: " + trace.toAbsolutePath(), "timeline page: " + page.toAbsolutePath());
        List<TraceEvent> events = TraceFiles.read(trace);
        assertThat(events).isNotEmpty();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains(TraceJson.write(events.get(events.size() - 1)));

        Path drawn = dir.resolve("drawn.html");
        assertThat(main.run(new String[] {"timeline", trace.toString(), "--html", drawn.toString()})).isZero();
        assertThat(Files.readString(drawn)).contains("run.jsonl: " + events.size() + " events");
        assertThat(main.run(new String[] {"timeline", dir.resolve("missing").toString(), "--html", drawn.toString()})).isEqualTo(1);
        assertThat(main.run(new String[] {"timeline", trace.toString()})).isEqualTo(2);
        assertThat(err()).contains("cannot read", "timeline needs --html FILE");
    }

    @Test
    void aHealthySearchSaysHowManySeedsPassed() {
        int status = main.run(new String[] {"search", "--seeds", "20", "--steps", "300"});

        assertThat(status).isZero();
        assertThat(out()).contains("all 20 seeds passed", "every client history was linearizable, except 0");
    }

    @Test
    void aFlawNotFoundWithinTheBudgetExitsWithOne() {
        int status = main.run(new String[] {"search", "--flaw", "COMMIT_EARLIER_TERM_BY_COUNTING", "--seeds", "1", "--steps", "10"});

        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("not found in 1 seeds");
    }

    @Test
    void badInputGetsAClearErrorAndTheUsage() {
        assertThat(main.run(new String[] {})).isEqualTo(2);
        assertThat(main.run(new String[] {"search", "--flaw", "NO_SUCH_RULE"})).isEqualTo(2);
        assertThat(main.run(new String[] {"search", "--seeds", "many"})).isEqualTo(2);
        assertThat(main.run(new String[] {"search", "--mix", "stormy"})).isEqualTo(2);
        assertThat(main.run(new String[] {"search", "--nodes", "9"})).isEqualTo(2);
        assertThat(main.run(new String[] {"replay"})).isEqualTo(2);
        assertThat(main.run(new String[] {"replay", "--seed"})).isEqualTo(2);
        assertThat(main.run(new String[] {"explode"})).isEqualTo(2);

        assertThat(err()).contains("sim: name a command", "no flaw named 'NO_SUCH_RULE'", "--seeds takes a whole number, got 'many'",
                "no fault mix named 'stormy'", "1 to 8 nodes, got 9", "replay needs --seed", "--seed needs a value",
                "unknown command 'explode'", "usage:");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
