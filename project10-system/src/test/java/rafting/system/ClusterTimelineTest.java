package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceEvent.Kind;

/**
 * The merged traces of real nodes made one run: a delivery paired with its send though the wire
 * carries no number, and clients numbered across the cluster.
 */
@Tag("part6")
class ClusterTimelineTest {

    private static final String HEARTBEAT = "1->2 AppendEntries t=1 prev=1/1 n=0 commit=1";
    private static final String VOTE = "1->3 RequestVote t=1 last=0/0";

    @Test
    void aDeliveryIsTheEarliestSendOfItsTextOnItsLinkNotYetDelivered() {
        List<TraceEvent> linked = ClusterTimeline.linked(List.of(
                TraceEvent.send(10, 1, 1, 2, 0, HEARTBEAT),
                TraceEvent.send(60, 2, 1, 2, 0, HEARTBEAT),
                TraceEvent.send(60, 3, 1, 3, 0, HEARTBEAT.replace("1->2", "1->3")),
                TraceEvent.deliver(61, 1, 2, 1, 0, HEARTBEAT),
                TraceEvent.deliver(62, 2, 2, 1, 0, HEARTBEAT),
                TraceEvent.deliver(62, 1, 3, 1, 0, HEARTBEAT.replace("1->2", "1->3"))));

        assertThat(linked).extracting(e -> e.kind().label() + " #" + e.id())
                .containsExactly("send #1", "send #2", "send #3", "deliver #1", "deliver #2", "deliver #3");
    }

    @Test
    void withinOneMillisecondADeliveryAndWhatItsNodeDidNextWaitForTheSend() {
        String answer = "3->1 RequestVoteResponse t=1 granted";
        List<TraceEvent> linked = ClusterTimeline.linked(List.of( // merged: n1's file first, then n3's
                TraceEvent.send(7, 1, 1, 3, 0, VOTE),
                TraceEvent.deliver(9, 2, 1, 3, 0, answer),
                TraceEvent.role(9, 3, 1, "leader", 1),
                TraceEvent.deliver(9, 4, 3, 1, 0, VOTE),
                TraceEvent.send(9, 5, 3, 1, 0, answer)));

        assertThat(linked).extracting(e -> e.kind().label() + " n" + e.node() + " #" + e.id())
                .containsExactly("send n1 #1", "deliver n3 #1", "send n3 #2", "deliver n1 #2", "role n1 #0");
    }

    @Test
    void sendsBeforeADeliveredOneThatNeverCameWereLostWithTheirConnection() {
        List<TraceEvent> linked = ClusterTimeline.linked(List.of(
                TraceEvent.send(10, 1, 1, 3, 0, VOTE),
                TraceEvent.step(20, 2, 1, "link to n3 down: Connection reset"),
                TraceEvent.send(30, 3, 1, 3, 0, VOTE.replace("t=1", "t=2")),
                TraceEvent.send(40, 4, 1, 3, 0, VOTE),
                TraceEvent.deliver(41, 1, 3, 1, 0, VOTE.replace("t=1", "t=2")),
                TraceEvent.deliver(42, 2, 3, 1, 0, VOTE)));

        assertThat(linked).filteredOn(e -> e.kind() == Kind.DELIVER).extracting(TraceEvent::id)
                .as("the first vote went with the broken connection: the last delivery is the third send").containsExactly(2L, 3L);
    }

    @Test
    void aDropIsPairedAsADeliveryIsAndADeliverySentBeforeTheTraceBeganHasNoSend() {
        List<TraceEvent> linked = ClusterTimeline.linked(List.of(
                TraceEvent.deliver(5, 1, 2, 1, 0, HEARTBEAT),
                TraceEvent.send(10, 1, 1, 2, 0, HEARTBEAT),
                TraceEvent.drop(10, 2, 2, 1, 0, HEARTBEAT, "n1's queue for n2 is full")));

        assertThat(linked).extracting(e -> e.kind().label() + " #" + e.id()).containsExactly("deliver #0", "send #1", "drop #1");
    }

    @Test
    void clientsAndTheirRequestsAreNumberedAcrossTheClusterInTheOrderTheyFirstCall() {
        List<TraceEvent> linked = ClusterTimeline.linked(List.of(
                TraceEvent.request(10, 1, 2, 1, 1, "SET x 1"),
                TraceEvent.request(11, 1, 1, 1, 1, "GET x"),
                TraceEvent.reply(12, 2, 2, 1, 1, "-MOVED 866 127.0.0.1:7001"),
                TraceEvent.request(13, 2, 1, 2, 2, "SET x 1"),
                TraceEvent.reply(14, 3, 1, 1, 1, "nil"),
                TraceEvent.reply(20, 4, 1, 2, 2, "OK")));

        assertThat(linked).extracting(e -> e.kind().label() + " n" + e.node() + " c" + e.peer() + " #" + e.id()).containsExactly(
                "request n2 c1 #1", "request n1 c2 #2", "reply n2 c1 #1", "request n1 c3 #3", "reply n1 c2 #2", "reply n1 c3 #3");
    }
}
