package rafting.consensus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A state machine that records what it is given, as {@code index:command}, and answers {@code ok}. */
final class Recorder implements StateMachine {

    final List<String> applied = new ArrayList<>();

    @Override
    public byte[] apply(long index, byte[] command) {
        applied.add(index + ":" + new String(command, StandardCharsets.UTF_8));
        return "ok".getBytes(StandardCharsets.UTF_8);
    }
}
