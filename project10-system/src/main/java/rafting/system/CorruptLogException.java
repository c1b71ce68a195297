package rafting.system;

import java.nio.file.Path;

/** Durable data that fails its checks where a crash cannot explain it: the node refuses to start. */
public final class CorruptLogException extends RuntimeException {

    public CorruptLogException(String message) {
        super(message);
    }

    /**
     * {@code what} was found in the data folder {@code dataFolder}: the message goes on with what
     * the operator can do, which is the same whatever the damage.
     */
    static CorruptLogException inDataFolder(String what, Path dataFolder) {
        return new CorruptLogException(what + "; refusing to start rather than lose or serve damaged entries."
                + " Restore the data folder " + dataFolder + " from a backup, or remove it to rejoin the cluster"
                + " as a new, empty node");
    }
}
