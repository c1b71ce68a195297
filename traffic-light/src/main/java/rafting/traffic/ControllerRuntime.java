package rafting.traffic;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import rafting.events.EventLoop;

/**
 * The controller brought to life: a periodic timer and button presses become events, fed one at a
 * time on an {@link EventLoop} into {@link Controller#next}, and every new state goes to an output
 * (the light devices, a screen). Only the loop's thread touches the state, so it needs no lock.
 *
 * <p>No sockets here: {@link ControllerServer} adds them. On a loop driven by hand with a manual
 * clock, tests step this runtime second by second without sleeping.
 */
public final class ControllerRuntime {

    private final Controller controller;
    private final EventLoop loop;
    private final Consumer<State> output;
    private State state;             // touched only on the loop's thread
    private volatile State published; // what other threads may read

    private ControllerRuntime(Controller controller, EventLoop loop, Consumer<State> output) {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.output = Objects.requireNonNull(output, "output");
        this.state = controller.initial();
        this.published = state;
    }

    /**
     * Starts the controller on {@code loop}: its initial state goes to the output at once, and a
     * {@link Event#TICK} is fed every {@code second} (one second of the controller's time; shorter
     * to run the lights faster).
     */
    public static ControllerRuntime start(Controller controller, EventLoop loop, Duration second,
            Consumer<State> output) {
        ControllerRuntime runtime = new ControllerRuntime(controller, loop, output);
        loop.post(() -> output.accept(runtime.state));
        loop.scheduleEvery(second, () -> runtime.apply(Event.TICK));
        return runtime;
    }

    /** Feeds a button press; safe from any thread. False if the loop is stopping. */
    public boolean press(Direction button) {
        Event press = Event.press(button);
        return loop.post(() -> apply(press));
    }

    /** The latest state; safe from any thread. */
    public State state() {
        return published;
    }

    private void apply(Event event) {
        state = controller.next(state, event);
        published = state;
        output.accept(state);
    }
}
