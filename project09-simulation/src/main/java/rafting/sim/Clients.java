package rafting.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Every command goes through the log, reads included: a GET is answered by the state machine
 * when its entry is applied, so a read is linearizable exactly when the log is.
 */
final class Clients {

    /** A call a server accepted and has not answered yet. */
    private record Waiting(LogEntry entry, long index, History.Call call) {
    }

    private final History history = new History();
    /** For each server, the calls it accepted in its current life, waiting for their index to be applied. */
    private final List<List<Waiting>> waiting = new ArrayList<>();
    private int calls;

    Clients(int nodes) {
        for (int id = 0; id <= nodes; id++) {
            waiting.add(new ArrayList<>());
        }
    }

    /** A client sent {@code text} to {@code server}, which answered {@code proposal}; commands that are not key-value commands are not recorded. */
    void proposed(int server, String text, Proposal proposal) {
        Command command = Command.parse(text);
        if (command == null) {
            return;
        }
        History.Call call = history.invoke(++calls, command);
        if (!proposal.accepted()) {
            call.discard(); // not the leader: it appended nothing
            return;
        }
        waiting.get(server).add(new Waiting(LogEntry.of(proposal.term(), text), proposal.index(), call));
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
                } else {
                    call.call().discard(); // another entry holds its index: it can never be applied (§5.3)
                }
            }
        }
    }

    /** {@code server} crashed: the calls it had accepted stay open, as their clients never learn their fate. */
    void crashed(int server) {
        waiting.get(server).clear();
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
