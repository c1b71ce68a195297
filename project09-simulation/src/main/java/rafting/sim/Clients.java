package rafting.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
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

    /**
     * One client's call as the history holds it: one operation, or for a command of several keys
     * ({@code MSET}, {@code MSETNX}, {@code MGET}) one operation per key, over the same interval.
     * That is sound, a linearizable history stays linearizable key by key, but it does not check
     * that the keys change together: the checker decides one key at a time.
     */
    private record Call(String text, List<History.Call> keys) {

        /** The call ends with {@code reply}, split among its keys. */
        void returned(String reply) {
            String[] words = text.split(" ");
            if (words[0].equals("MGET")) {
                String[] values = (reply == null ? "" : reply).split("\n", -1);
                for (int i = 0; i < keys.size(); i++) {
                    keys.get(i).returned(values[i].isEmpty() ? null : values[i]);
                }
            } else if (words[0].equals("MSETNX") && "0".equals(reply)) {
                discard(); // it set none: certainly no effect
            } else {
                keys.forEach(key -> key.returned(reply));
            }
        }

        void discard() {
            keys.forEach(History.Call::discard);
        }
    }

    /** A call a server accepted and has not answered yet; {@code text} is the entry without the leader's stamp. */
    private record Waiting(LogEntry entry, String text, long index, Call call, boolean retry) {
    }

    /** A read a server took. */
    private record Reading(Call call) {
    }

    /** A write whose server crashed before answering: its client may send it again, in the same session. */
    private record Unanswered(String entry, Call call) {
    }

    private final History history;
    /** The leader's clock, which stamps each entry, or null when entries carry no time. */
    private final LongSupplier clock;
    /** For each server, the calls it accepted in its current life, waiting for their index to be applied. */
    private final List<List<Waiting>> waiting = new ArrayList<>();
    /** For each server, the reads it took in its current life, by read id. */
    private final List<Map<Long, Reading>> reading = new ArrayList<>();
    /** Writes left without an answer by a crash, oldest first. */
    private final List<Unanswered> unanswered = new ArrayList<>();
    private int calls;

    Clients(int nodes) {
        this(nodes, null);
    }

    /**
     * Clients whose history's times are {@code clock}'s, the simulated time, which the leader
     * also stamps each entry with ({@link KvMachine}): for runs whose values expire by the log's time.
     */
    Clients(int nodes, LongSupplier clock) {
        this.clock = clock;
        this.history = clock == null ? new History() : new History(clock);
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
        List<Command> commands = perKey(text);
        if (commands.isEmpty()) {
            propose.apply(text);
            return;
        }
        Call call = invoke(text, commands);
        String entry = KvMachine.inSession(calls, text);
        String stamped = stamp(entry);
        Proposal proposal = propose.apply(stamped);
        if (!proposal.accepted()) {
            call.discard(); // not the leader: it appended nothing
            return;
        }
        waiting.get(server).add(new Waiting(LogEntry.of(proposal.term(), stamped), entry, proposal.index(), call, false));
    }

    /**
     * The single-key commands that {@code text} is to the history: itself, or one per key of
     * {@code MSET k v k v}, {@code MSETNX k v k v} (a SET or a SETNX each) and {@code MGET k k}
     * (a GET each); none if it is no key-value command.
     */
    static List<Command> perKey(String text) {
        String[] words = text.split(" ");
        var commands = new ArrayList<Command>();
        switch (words[0]) {
            case "MGET" -> {
                for (int i = 1; i < words.length; i++) {
                    commands.add(Command.get(words[i]));
                }
            }
            case "MSET", "MSETNX" -> {
                for (int i = 1; i + 1 < words.length; i += 2) {
                    commands.add(words[0].equals("MSET") ? Command.set(words[i], words[i + 1])
                            : Command.of(Command.Kind.SETNX, words[i], words[i + 1]));
                }
            }
            default -> {
                Command command = Command.parse(text);
                if (command != null) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    private Call invoke(String text, List<Command> commands) {
        int id = ++calls;
        return new Call(text, commands.stream().map(command -> history.invoke(id, command)).toList());
    }

    /** The entry with the leader's time in front, in runs that keep it. */
    private String stamp(String entry) {
        return clock == null ? entry : KvMachine.stamped(clock.getAsLong(), entry);
    }

    /**
     * Every client whose write went unanswered sends it again to {@code server}, in the same
     * session: once it is answered, the call ends with that reply, whether this try or an earlier
     * one ran it. A retry that is refused stays unanswered.
     */
    void retryOn(int server, Function<String, Proposal> propose) {
        for (var it = unanswered.iterator(); it.hasNext(); ) {
            Unanswered write = it.next();
            String stamped = stamp(write.entry());
            Proposal proposal = propose.apply(stamped);
            if (proposal.accepted()) {
                it.remove();
                waiting.get(server).add(new Waiting(LogEntry.of(proposal.term(), stamped), write.entry(), proposal.index(),
                        write.call(), true));
            }
        }
    }

    /**
     * A client sent the read {@code text} to {@code server}, which took it as read {@code readId}
     * with {@code answer}: a read index, or not the leader.
     */
    void reading(int server, long readId, String text, Proposal answer) {
        Call call = invoke(text, perKey(text));
        if (!answer.accepted()) {
            call.discard();
            return;
        }
        reading.get(server).put(readId, new Reading(call));
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
            read.call().returned(reply(machine.query(read.call().text())));
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
                    unanswered.add(new Unanswered(call.text(), call.call()));
                } else {
                    call.call().discard(); // another entry holds its index: it can never be applied (§5.3)
                }
            }
        }
    }

    /** {@code server} crashed: the calls it had accepted stay open, as their clients never learn their fate. */
    void crashed(int server) {
        waiting.get(server).forEach(w -> unanswered.add(new Unanswered(w.text(), w.call())));
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
