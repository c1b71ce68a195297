package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 3: the in-memory network. */
@Tag("part3")
class NetworkTest {

    private final List<Message> received = new ArrayList<>();
    private Network net;

    /** Servers that record what they receive and answer each vote request with a refusal. */
    @BeforeEach
    void threeServers() {
        net = Network.of(3);
        for (int id : net.ids()) {
            net.attach(id, message -> {
                received.add(message);
                return message instanceof RequestVote request
                        ? List.of(new RequestVoteResponse(request.to(), request.from(), request.term(), false, false))
                        : List.of();
            });
        }
    }

    private static RequestVote vote(int from, int to) {
        return new RequestVote(from, to, 1, 0, 0, false);
    }

    @Test
    void deliverAllDeliversMessagesAndTheirAnswersInOrder() {
        net.send(List.of(vote(1, 2), vote(1, 3)));
        assertThat(net.deliverAll()).isEqualTo(4);
        assertThat(received).extracting(Message::toString).containsExactly(
                "1->2 RequestVote t=1 last=0/0", "1->3 RequestVote t=1 last=0/0",
                "2->1 RequestVoteResponse t=1 refused", "3->1 RequestVoteResponse t=1 refused");
        assertThat(net.inFlight()).isEmpty();
        assertThat(net.delivered()).isEqualTo(4);
    }

    @Test
    void aLaterMessageCanBeDeliveredFirst() {
        net.send(List.of(vote(1, 2), vote(1, 3)));
        assertThat(net.deliver(1)).isEqualTo(vote(1, 3));
        assertThat(net.deliverFirst(m -> m.to() == 2)).isTrue();
        assertThat(received).containsExactly(vote(1, 3), vote(1, 2));
    }

    @Test
    void droppedMessagesAreNeverDelivered() {
        net.send(List.of(vote(1, 2), vote(1, 3)));
        net.drop(0);
        assertThat(net.dropIf(m -> m.to() == 3)).isEqualTo(1);
        assertThat(net.deliverAll()).isZero();
        assertThat(received).isEmpty();
        assertThat(net.dropped()).isEqualTo(2);
    }

    @Test
    void aDuplicatedMessageArrivesTwice() {
        net.send(vote(1, 2));
        net.duplicate(0);
        net.dropIf(m -> m instanceof RequestVoteResponse);
        net.deliverOne();
        net.deliverOne();
        assertThat(received).containsExactly(vote(1, 2), vote(1, 2));
    }

    @Test
    void anIsolatedServerNeitherSendsNorReceives_untilHealed() {
        net.send(vote(1, 2)); // already in flight when the cut happens
        net.isolate(2);
        net.send(vote(3, 2));
        net.send(vote(2, 3));
        assertThat(net.deliverAll()).isZero();
        assertThat(received).isEmpty();
        assertThat(net.dropped()).isEqualTo(3);

        net.heal();
        net.send(vote(3, 2));
        net.deliverAll();
        assertThat(received).containsExactly(vote(3, 2), new RequestVoteResponse(2, 3, 1, false, false));
    }

    @Test
    void reconnectRestoresOnlyTheLinksOfOneServer() {
        net.isolate(2);
        net.cut(1, 3);
        net.reconnect(2);
        net.send(List.of(vote(1, 2), vote(3, 2), vote(1, 3)));
        assertThat(net.inFlight()).containsExactly(vote(1, 2), vote(3, 2));
    }

    @Test
    void aOneWayCutLetsTheOtherDirectionThrough() {
        net.cut(2, 1);
        net.send(vote(1, 2));
        net.deliverAll();
        assertThat(received).containsExactly(vote(1, 2)); // the answer 2->1 is lost
    }

    @Test
    void reorderShufflesWhatIsInFlight() {
        var votes = List.of(vote(1, 2), vote(1, 3), vote(2, 1), vote(2, 3), vote(3, 1), vote(3, 2));
        net.send(votes);
        net.reorder(new SplittableRandom(7));
        assertThat(net.inFlight()).containsExactlyInAnyOrderElementsOf(votes).isNotEqualTo(votes);
    }

    @Test
    void refusesStrangers() {
        assertThatThrownBy(() -> net.send(vote(1, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no server 4 on this network of [1, 2, 3]");
    }

    @Test
    void serversThatNeverGoQuietAreReported() {
        net.attach(1, message -> List.of(vote(1, 2)));
        net.attach(2, message -> List.of(vote(2, 1)));
        net.send(vote(1, 2));
        assertThatThrownBy(net::deliverAll).isInstanceOf(IllegalStateException.class).hasMessageContaining("never go quiet");
    }
}
