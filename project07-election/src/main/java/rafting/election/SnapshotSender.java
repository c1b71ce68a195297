package rafting.election;

import java.util.Map;
import java.util.TreeMap;
import rafting.replication.InstallSnapshot;
import rafting.replication.InstallSnapshotResponse;

/**
 * The leader's side of InstallSnapshot (Figure 13): for each follower that needs the snapshot,
 * the byte it sends next, one chunk in flight at a time. An answer moves the follower on to the
 * chunk it asks for; a heartbeat sends the chunk in flight again, so a lost chunk or answer costs
 * one heartbeat. When the leader's snapshot changes, every transfer starts again at byte 0.
 */
final class SnapshotSender {

    /** Where one follower's transfer stands: which snapshot, the next byte, and whether a chunk is out unanswered. */
    private static final class Transfer {
        long index;
        long offset;
        boolean inFlight;

        Transfer() {
        }

        Transfer(Transfer other) {
            this.index = other.index;
            this.offset = other.offset;
            this.inFlight = other.inFlight;
        }
    }

    private final Map<Integer, Transfer> transfers = new TreeMap<>();

    SnapshotSender() {
    }

    /** A copy that goes on apart from {@code other}. */
    SnapshotSender(SnapshotSender other) {
        other.transfers.forEach((follower, transfer) -> transfers.put(follower, new Transfer(transfer)));
    }

    /**
     * The next chunk of {@code snapshot} for {@code follower}, or null when one is in flight and
     * {@code again} is false ({@code again}: the heartbeat, which sends it once more).
     */
    InstallSnapshot chunk(int leader, int follower, long term, Snapshot snapshot, int chunkBytes, boolean again) {
        Transfer transfer = transfers.computeIfAbsent(follower, f -> new Transfer());
        if (transfer.index != snapshot.index()) {
            transfer.index = snapshot.index();
            transfer.offset = 0;
            transfer.inFlight = false;
        }
        if (transfer.inFlight && !again) {
            return null;
        }
        transfer.inFlight = true;
        byte[] data = snapshot.chunk(transfer.offset, chunkBytes);
        boolean done = transfer.offset + data.length == snapshot.size();
        return new InstallSnapshot(leader, follower, term, snapshot.index(), snapshot.term(), transfer.offset, data, done);
    }

    /**
     * Takes {@code follower}'s answer about {@code snapshot}: true when it now holds the
     * snapshot's entries (the transfer is over), false when it asks for more, from the byte it
     * names. Answers about another snapshot, or to no transfer, change nothing and give false.
     */
    boolean answered(InstallSnapshotResponse response, Snapshot snapshot) {
        Transfer transfer = transfers.get(response.from());
        if (transfer == null || transfer.index != snapshot.index() || response.lastIncludedIndex() != snapshot.index()) {
            return false;
        }
        if (response.installed()) {
            transfers.remove(response.from());
            return true;
        }
        // A follower asking past the end answers something we never sent: start it over.
        transfer.offset = response.nextOffset() <= snapshot.size() ? response.nextOffset() : 0;
        transfer.inFlight = false;
        return false;
    }

    /** True while a transfer to {@code follower} is under way. */
    boolean sending(int follower) {
        return transfers.containsKey(follower);
    }

    /** {@code follower} no longer needs a snapshot (it caught up otherwise): forget its transfer. */
    void forget(int follower) {
        transfers.remove(follower);
    }
}
