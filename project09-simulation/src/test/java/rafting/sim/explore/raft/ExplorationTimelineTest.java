package rafting.sim.explore.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Flaw;
import rafting.log.LogEntry;
import rafting.sim.Event;
import rafting.sim.explore.Trace;
import rafting.sim.timeline.TimelinePage;
import rafting.sim.timeline.TraceEvent.Kind;
import rafting.sim.timeline.TraceEvent;

/** The explorer's shortest counterexample, told as a trace: one time per event, the deliveries, the logs, the problem. */
@Tag("part9")
class ExplorationTimelineTest {

    private final Trace<ClusterState, Event> trace = RaftExploration.explore(
            RaftExploration.exploredSettings().withFlaws(Flaw.TRUNCATE_ON_MATCHING_APPEND), Bounds.small(), Long.MAX_VALUE)
            .counterexample().orElseThrow();

    private final List<TraceEvent> events = ExplorationTimeline.of(trace);

    @Test
    void everyDeliveryOfTheStoryIsInTheTraceAtItsNumber() {
        List<Long> deliveries = new ArrayList<>();
        List<Event> story = trace.events();
        for (int i = 0; i < story.size(); i++) {
            Event event = story.get(i) instanceof Event.Lossy lossy ? lossy.cause() : story.get(i);
            if (event instanceof Event.Deliver) {
                deliveries.add(i + 1L);
            }
        }
        assertThat(events.stream().filter(e -> e.kind() == Kind.DELIVER).map(TraceEvent::time).toList()).isEqualTo(deliveries);
    }

    @Test
    void theTraceEndsWithTheProblemAndItsLogsAreTheLastStates() {
        TraceEvent last = events.get(events.size() - 1);
        assertThat(last.kind()).isEqualTo(Kind.VIOLATION);
        assertThat(last.text()).startsWith(trace.problem()).endsWith("after " + trace.events().size() + " events");

        Map<Integer, List<String>> logs = new HashMap<>();
        for (TraceEvent event : events) {
            List<String> log = logs.computeIfAbsent(event.node(), node -> new ArrayList<>());
            if (event.kind() == Kind.TRUNCATE) {
                log.subList((int) event.index() - 1, log.size()).clear();
            } else if (event.kind() == Kind.APPEND) {
                log.add(event.term() + ":" + event.text());
            }
        }
        ClusterState end = trace.lastState();
        for (int id : end.ids()) {
            if (end.isUp(id)) {
                assertThat(logs.get(id)).as("n%d's log", id).isEqualTo(end.log(id).stream().map(LogEntry::toString).toList());
            }
        }
        assertThat(TimelinePage.of("explored", events)).contains("id=\"violation\"");
    }
}
