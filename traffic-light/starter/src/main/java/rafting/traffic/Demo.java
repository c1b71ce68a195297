package rafting.traffic;

/**
 * Part 4: the whole traffic light in one terminal: the controller, both lights and both buttons,
 * each the same program part that runs in its own terminal, talking over UDP on this machine.
 * One status line shows both lights and the controller's state; keys {@code n} and {@code e}
 * press the buttons. No test checks it; {@code traffic-light/traffic} runs it.
 */
public final class Demo {

    private Demo() {}

    /** {@code demo [options]} (any free ports unless told otherwise). */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 4: run every piece in one process");
    }
}
