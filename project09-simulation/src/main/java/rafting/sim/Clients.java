package rafting.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import rafting.consensus.Applied;
import rafting.election.Proposal;
import rafting.log.LogEntry;
import rafting.sim.history.CheckResult;
import rafting.sim.history.Command;
import rafting.sim.history.History;
import rafting.sim.history.LinearizabilityChecker;

/**
 * The clients of a simulated run, as the servers would answer them: each key-value command
 * proposed to a server is invoked in a {@link History} when proposed, and ends as a real server
 * would end it. A server that is not the leader refuses it: it certainly had no effect. A leader
 * that accepts it at an index and term replies once it applies that index: with the state
 * machine's result if the entry there is the proposal's, or with a certain failure if another
 * entry took the index. A server that crashes first never replies: the call stays open, and the
 * checker lets it take effect at any moment after it was proposed, or never.
 *
 * <p>Writes go in sessions (thesis §6.3, {@link KvMachine}): once the faults stop, every client
 * whose write a crash left unanswered sends it again to the leader, in the same session, and its
 * call ends with the reply. If the first try had committed, the state machine answers the retry
 * with the first reply and runs nothing; a machine that ran it twice would show in the history
 * (a CAS that worked and says it did not, a GETSET that returns its own value). A retry whose
 * index another entry takes is tried again, since an earlier try may still have run.
 *
 * <p>A read ({@link Command#isRead()}) does not go through the log: the server takes it with
 * {@link rafting.election.RaftNode#readIndex(long)}, and its reply is what the server's state
 * machine holds when the node says the read may be answered (thesis §6.4). A read the server
 * refuses, at once or when it loses office, certainly had no effect.
 */
final class Clients {

    /** A call a server accepted and has not answered yet. */
    private record Waiting(LogEntry entry, long index, History.Call call, boolean retry) {
    }

    /** A read a server took, and what it asks. */
    private record Reading(String text, History.Call call) {
    }

    /** A write whose server crashed before answering: its client may send it again, in the same session. */
    private record Unanswered(String entry, History.Call call) {
    }

    private final History history = new History();
    /** For each server, the calls it accepted in its current life, waiting for their index to be applied. */
    private final List<List<Waiting>> waiting = new ArrayList<>();
    /** For each server, the reads it took in its current life, by read id. */
    private final List<Map<Long, Reading>> reading = new ArrayList<>();
    /** Writes left without an answer by a crash, oldest first. */
    private final List<Unanswered> unanswered = new ArrayList<>();
    private int calls;

    Clients(int nodes) {
        for (int id = 0; id <= nodes; id++) {
            waiting.add(new ArrayList<>());
            reading.add(new HashMap<>());
        }
    }

    /**
     * A client sends the write {@code text} to {@code server}, in a session named after the call:
     * {@code propose} proposes the entry text and returns the server's answer. A text that is no
     * key-value command is proposed as it is and not recorded.
     */
    void write(int server, String text, Function<String, Proposal> propose) {
        Command command = Command.parse(text);
        if (command == null) {
            propose.apply(text);
            return;
        }
        History.Call call = history.invoke(++calls, command);
        String entry = KvMachine.inSession(calls, text);
        Proposal proposal = propose.apply(entry);
        if (!proposal.accepted()) {
            call.discard(); // not the leader: it appended nothing
            return;
        }
        waiting.get(server).add(new Waiting(LogEntry.of(proposal.term(), entry), proposal.index(), call, false));
    }

    /**
     * Every client whose write went unanswered sends it again to {@code server}, in the same
     * session: once it is answered, the call ends with that reply, whether this try or an earlier
     * one ran it. A retry that is refused stays unanswered.
     */
    void retryOn(int server, Function<String, Proposal> propose) {
        for (var it = unanswered.iterator(); it.hasNext(); ) {
            Unanswered write = it.next();
            Proposal proposal = propose.apply(write.entry());
            if (proposal.accepted()) {
                it.remove();
                waiting.get(server).add(new Waiting(LogEntry.of(proposal.term(), write.entry()), proposal.index(), write.call(), true));
            }
        }
    }

    /**
     * A client sent the read {@code text} to {@code server}, which took it as read {@code readId}
     * with {@code answer}: a read index, or not the leader.
     */
    void reading(int server, long readId, String text, Proposal answer) {
        History.Call call = history.invoke(++calls, Command.parse(text));
        if (!answer.accepted()) {
            call.discard();
            return;
        }
        reading.get(server).put(readId, new Reading(text, call));
    }

    /**
     * {@code server} settled read {@code readId}: when {@code answerable}, its client gets what
     * {@code machine}, the server's state machine, holds now; otherwise the read was refused.
     */
    void read(int server, long readId, boolean answerable, KvMachine machine) {
        Reading read = reading.get(server).remove(readId);
        if (read == null) {
            throw new IllegalStateException("n" + server + " settled read " + readId + ", which it never took");
        }
        if (answerable) {
            read.call().returned(reply(machine.query(read.text())));
        } else {
            read.call().discard();
        }
    }

    /** True while {@code server} has reads it took and has not settled. */
    boolean hasReads(int server) {
        return !reading.get(server).isEmpty();
    }

    /** {@code server} flushed and hands out {@code applied}: the calls waiting on those indexes end. */
    void applied(int server, List<Applied> applied) {
        List<Waiting> calls = waiting.get(server);
        if (calls.isEmpty()) {
            return;
        }
        for (Applied entry : applied) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                Waiting call = calls.get(i);
                if (call.index() != entry.index()) {
                    continue;
                }
                calls.remove(i);
                if (call.entry().equals(entry.entry())) {
                    call.call().returned(reply(entry.result()));
                } else if (call.retry()) {
                    // This try is lost, but an earlier one may have run: the client tries again.
                    unanswered.add(new Unanswered(new String(call.entry().command(), StandardCharsets.UTF_8), call.call()));
                } else {
                    call.call().discard(); // another entry holds its index: it can never be applied (§5.3)
                }
            }
        }
    }

    /** {@code server} crashed: the calls it had accepted stay open, as their clients never learn their fate. */
    void crashed(int server) {
        waiting.get(server).forEach(w -> unanswered.add(new Unanswered(new String(w.entry().command(), StandardCharsets.UTF_8), w.call())));
        waiting.get(server).clear();
        reading.get(server).clear();
    }

    /** The history so far, checked: the calls still waiting are open. */
    CheckResult check() {
        return LinearizabilityChecker.check(history.operations());
    }

    /** The history recorded so far. */
    History history() {
        return history;
    }

    /** The state machine's result as the client reads it: an empty result is a GET that found nothing. */
    private static String reply(byte[] result) {
        return result.length == 0 ? null : new String(result, StandardCharsets.UTF_8);
    }
}
