package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.node;
import static rafting.election.Nodes.tickUntilItActs;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/** §5.1: every message carries a term; a higher one makes the receiver a follower of that term first. */
@Tag("part2")
class TermRulesTest {

    /** A node of the given role at term 2 (servers 1..3, this one is 1). */
    static RaftNode at(Role role) {
        var node = node(1, 3, PLAIN, new TermVote(1, RaftNode.NONE));
        if (role == Role.FOLLOWER) {
            node.receive(new AppendEntries(2, 1, 2, 0, 0, List.of(), 0));
        } else {
            tickUntilItActs(node);
            if (role == Role.LEADER) {
                node.receive(new RequestVoteResponse(2, 1, 2, true, false));
            }
        }
        Nodes.done(node);
        assertThat(node.role()).isEqualTo(role);
        assertThat(node.term()).isEqualTo(2);
        return node;
    }

    record Case(Role role, String message, Function<Long, Message> from3) {
        @Override
        public String toString() {
            return role + " hears " + message;
        }
    }

    static Stream<Case> higherTerms() {
        var messages = List.<Case>of(
                new Case(null, "AppendEntries", t -> new AppendEntries(3, 1, t, 0, 0, List.of(), 0)),
                new Case(null, "AppendEntriesResponse", t -> AppendEntriesResponse.refusal(3, 1, t, 1)),
                new Case(null, "RequestVote", t -> new RequestVote(3, 1, t, 0, 0, false)),
                new Case(null, "RequestVoteResponse", t -> new RequestVoteResponse(3, 1, t, false, false)));
        return Stream.of(Role.FOLLOWER, Role.CANDIDATE, Role.LEADER)
                .flatMap(role -> messages.stream().map(c -> new Case(role, c.message(), c.from3())));
    }

    @ParameterizedTest
    @MethodSource("higherTerms")
    void aHigherTermMakesTheReceiverAFollowerOfThatTerm(Case c) {
        var node = at(c.role());

        Ready ready = feed(node, c.from3().apply(5L));

        assertThat(node.role()).isEqualTo(Role.FOLLOWER);
        assertThat(node.term()).isEqualTo(5);
        assertThat(ready.termVote().term()).as("the new term is durable before anything is sent").isEqualTo(5);
        assertThat(ready.needsSync()).isTrue();
        assertThat(node.leaderId()).isEqualTo(c.message().equals("AppendEntries") ? 3 : RaftNode.NONE);
    }

    static Stream<Case> lowerTerms() {
        return Stream.of(Role.FOLLOWER, Role.CANDIDATE, Role.LEADER).flatMap(role -> Stream.of(
                new Case(role, "AppendEntries", t -> new AppendEntries(3, 1, t, 0, 0, List.of(), 0)),
                new Case(role, "RequestVote", t -> new RequestVote(3, 1, t, 0, 0, false))));
    }

    @ParameterizedTest
    @MethodSource("lowerTerms")
    void aRequestFromALowerTermIsRefusedWithTheCurrentTerm(Case c) {
        var node = at(c.role());

        Ready ready = feed(node, c.from3().apply(1L));

        assertThat(node.role()).isEqualTo(c.role());
        assertThat(node.term()).isEqualTo(2);
        assertThat(ready.messages()).singleElement().satisfies(answer -> {
            assertThat(answer.term()).isEqualTo(2);
            assertThat(answer.to()).isEqualTo(3);
        });
    }

    @ParameterizedTest
    @MethodSource("lowerTerms")
    void anAnswerFromALowerTermIsIgnored(Case c) {
        var node = at(c.role());
        var answer = c.message().equals("AppendEntries")
                ? AppendEntriesResponse.success(3, 1, 1, 0)
                : new RequestVoteResponse(3, 1, 1, true, false);

        Ready ready = feed(node, answer);

        assertThat(ready.isEmpty()).isTrue();
        assertThat(node.role()).isEqualTo(c.role());
    }

    @Test
    void aMessageWithAnAbsurdTermIsIgnored_soOneForgedAnswerCannotStopElectionsForGood() {
        var node = node(1, 3, PLAIN, new TermVote(1, RaftNode.NONE));

        Ready ready = feed(node, new RequestVoteResponse(2, 1, Long.MAX_VALUE, false, false));
        feed(node, new AppendEntries(3, 1, RaftNode.MAX_TERM + 1, 0, 0, List.of(), 0));

        assertThat(ready.isEmpty()).as("nothing to save: the term is not taken").isTrue();
        assertThat(node.term()).isEqualTo(1);
        tickUntilItActs(node);
        assertThat(node.role()).as("it can still campaign").isEqualTo(Role.CANDIDATE);
        assertThat(node.term()).isEqualTo(2);
        feed(node, new RequestVoteResponse(2, 1, RaftNode.MAX_TERM, false, false));
        assertThat(node.term()).as("the highest term allowed is still a term").isEqualTo(RaftNode.MAX_TERM);
    }
}
