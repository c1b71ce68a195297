package rafting.traffic;

/** Part 1: what the controller reacts to: one second passing, or a pedestrian button being pressed. */
public sealed interface Event {

    /** One second has passed (given). */
    Event TICK = new Tick();

    /** A press of {@code button}. */
    static Event press(Direction button) {
        throw new UnsupportedOperationException("Part 1: a press");
    }

    /** One second of time. */
    record Tick() implements Event {
        /** {@code Tick}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 1: Tick");
        }
    }

    /**
     * A press of a pedestrian button. Button {@code NS} asks for the East-West light to turn red,
     * button {@code EW} for the North-South light: the button names the way the pedestrian
     * wants to cross, the light it concerns is the other one.
     */
    record Press(Direction button) implements Event {
        /** Given: the button must not be null. */
        public Press {
            java.util.Objects.requireNonNull(button, "button");
        }

        /** The light this press asks to turn red: the other direction than the button's. */
        public Direction light() {
            throw new UnsupportedOperationException("Part 1: the light this press concerns");
        }

        /** {@code Press NS}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 1: Press and the button");
        }
    }
}
