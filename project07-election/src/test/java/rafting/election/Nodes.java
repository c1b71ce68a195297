package rafting.election;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import rafting.consensus.Membership;
import rafting.log.LogEntry;
import rafting.log.MemoryLogStorage;
import rafting.replication.Message;
import rafting.replication.RequestVoteResponse;

/** Builds single nodes for tests that feed them inputs by hand and read what comes out. */
final class Nodes {

    /** The paper's basic Raft: no pre-vote, no check-quorum. */
    static final Settings PLAIN = Settings.defaults().withPreVote(false).withCheckQuorum(false);

    private Nodes() {
    }

    /** Server {@code id} of 1..{@code size}, restarted at {@code termVote} with a log of the given terms. */
    static RaftNode node(int id, int size, Settings settings, TermVote termVote, long... logTerms) {
        var storage = new MemoryLogStorage();
        storage.append(entries(logTerms));
        return new RaftNode(id, Membership.ofSize(size), settings, storage, termVote, new SplittableRandom(id));
    }

    /** Entries with the given terms, each command naming its index: {@code e1}, {@code e2}, ... */
    static List<LogEntry> entries(long... terms) {
        var out = new ArrayList<LogEntry>();
        for (int i = 0; i < terms.length; i++) {
            out.add(LogEntry.of(terms[i], "e" + (i + 1)));
        }
        return out;
    }

    static List<Long> terms(RaftNode node) {
        return node.log().entries().stream().map(LogEntry::term).toList();
    }

    /** Gives {@code node} one message and returns what it wants done, which is then taken as done. */
    static Ready feed(RaftNode node, Message message) {
        node.receive(message);
        return done(node);
    }

    /** What {@code node} wants done, taken as done: a driver that writes, syncs, sends and applies without fail. */
    static Ready done(RaftNode node) {
        Ready ready = node.ready();
        node.advance(ready);
        return ready;
    }

    /** Ticks {@code node} until it sends something or changes role; returns what it wants done. */
    static Ready tickUntilItActs(RaftNode node) {
        Role role = node.role();
        for (int i = 0; i < 1_000; i++) {
            node.tick();
            Ready ready = done(node);
            if (!ready.messages().isEmpty() || node.role() != role) {
                return ready;
            }
        }
        throw new AssertionError("n" + node.id() + " did nothing in 1000 ticks");
    }

    /** A follower of 1..{@code size} that becomes leader at {@code term + 1} with every vote; the ready of its election is consumed. */
    static RaftNode leader(int id, int size, long term, long... logTerms) {
        return leader(id, size, PLAIN, term, logTerms);
    }

    /** The same, with {@code settings}. */
    static RaftNode leader(int id, int size, Settings settings, long term, long... logTerms) {
        RaftNode node = node(id, size, settings, new TermVote(term, RaftNode.NONE), logTerms);
        tickUntilItActs(node);
        for (int voter = 1; voter <= size; voter++) {
            if (voter != id) {
                node.receive(new RequestVoteResponse(voter, id, term + 1, true, false));
            }
        }
        done(node);
        return node;
    }
}
