package rafting.traffic;

/** What the controller reacts to: one second passing, or a pedestrian button being pressed. */
public sealed interface Event {

    /** One second has passed. */
    Event TICK = new Tick();

    static Event press(Direction button) {
        return new Press(button);
    }

    /** One second of time. */
    record Tick() implements Event {
        @Override
        public String toString() {
            return "Tick";
        }
    }

    /**
     * A press of a pedestrian button. Button {@code NS} asks for the East-West light to turn red,
     * button {@code EW} for the North-South light: the button names the way the pedestrian
     * wants to cross, the light it concerns is the other one.
     */
    record Press(Direction button) implements Event {
        public Press {
            java.util.Objects.requireNonNull(button, "button");
        }

        /** The light this press asks to turn red. */
        public Direction light() {
            return button.other();
        }

        @Override
        public String toString() {
            return "Press " + button;
        }
    }
}
