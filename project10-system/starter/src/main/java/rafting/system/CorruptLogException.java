package rafting.system;

/**
 * Part 1 (given whole): durable data that fails its checks where a crash cannot explain it, so
 * the node refuses to start. {@link SegmentLogStorage} and {@link TermVoteFile} throw it; its
 * message says what is damaged, where, and what the operator can do.
 */
public final class CorruptLogException extends RuntimeException {

    public CorruptLogException(String message) {
        super(message);
    }
}
