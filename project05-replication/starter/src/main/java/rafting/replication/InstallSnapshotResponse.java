package rafting.replication;

/**
 * A follower's answer to {@link InstallSnapshot}. Figure 13's answer carries only the term; this
 * one also says how far the follower got, so that a lost, late or repeated chunk costs one
 * resend: {@code installed} when the follower holds every entry up to {@code lastIncludedIndex}
 * (it took the snapshot, or had them committed already), otherwise {@code nextOffset}, the byte
 * of that snapshot it expects next.
 */
public record InstallSnapshotResponse(int from, int to, long term, long lastIncludedIndex, long nextOffset,
        boolean installed) implements Message {

    public InstallSnapshotResponse {
        Message.check(from, to, term);
        if (lastIncludedIndex < 0 || nextOffset < 0) {
            throw new IllegalArgumentException(
                    "indexes and offsets are never negative: " + lastIncludedIndex + " at " + nextOffset);
        }
    }

    /** The answer to {@code request}: it holds the snapshot's entries now. */
    public static InstallSnapshotResponse installed(InstallSnapshot request) {
        return new InstallSnapshotResponse(request.to(), request.from(), request.term(), request.lastIncludedIndex(),
                0, true);
    }

    /** The answer to {@code request}: send the snapshot's bytes from {@code nextOffset}. */
    public static InstallSnapshotResponse expecting(InstallSnapshot request, long nextOffset) {
        return new InstallSnapshotResponse(request.to(), request.from(), request.term(), request.lastIncludedIndex(),
                nextOffset, false);
    }

    /** {@code 3->1 InstallSnapshotResponse t=4 last=120 installed}, or {@code ... next=512}. */
    @Override
    public String toString() {
        return from + "->" + to + " InstallSnapshotResponse t=" + term + " last=" + lastIncludedIndex
                + (installed ? " installed" : " next=" + nextOffset);
    }
}
