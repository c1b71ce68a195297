package rafting.system;

/** Durable data that fails its checks where a crash cannot explain it: the node refuses to start. */
public final class CorruptLogException extends RuntimeException {

    public CorruptLogException(String message) {
        super(message);
    }
}
