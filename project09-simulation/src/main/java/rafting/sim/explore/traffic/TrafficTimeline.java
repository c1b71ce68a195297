package rafting.sim.explore.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rafting.sim.explore.Machine.Observed;
import rafting.sim.explore.Trace;
import rafting.sim.explore.traffic.TrafficLightExploration.Waiting;
import rafting.sim.timeline.TraceEvent;
import rafting.traffic.Color;
import rafting.traffic.Direction;
import rafting.traffic.Event;
import rafting.traffic.State;

/**
 * The explorer's shortest counterexample of a traffic light as a trace for the timeline page:
 * time is the event's number; lane 1 is the East-West light and lane 2 the North-South one, each
 * in its colour; each press is a client call from its button (c1 the EW button, c2 the NS one),
 * answered when the light it asks about is red, so a bar is a pedestrian waiting; each event is a
 * step, with the controller's state after it; then the problem.
 */
public final class TrafficTimeline {

    private TrafficTimeline() {
    }

    public static List<TraceEvent> of(Trace<Observed<State, Waiting>, Event> trace) {
        var events = new ArrayList<TraceEvent>();
        var steps = trace.steps();
        var colors = new HashMap<Direction, Color>();
        Map<Direction, List<Long>> waiting = new HashMap<>();
        long seq = 0;
        long presses = 0;
        for (int i = 0; i < steps.size(); i++) {
            Event event = steps.get(i).event();
            State state = steps.get(i).state().state();
            if (event != null) {
                events.add(TraceEvent.step(i, ++seq, 0, event + " -> " + steps.get(i).state()));
            }
            if (event instanceof Event.Press press) {
                waiting.computeIfAbsent(press.button(), button -> new ArrayList<>()).add(++presses);
                events.add(TraceEvent.request(i, ++seq, 0, client(press.button()), presses,
                        "press " + press.button() + ": " + press.light() + " to red"));
            }
            for (Direction light : Direction.values()) {
                Color color = state.color(light);
                if (color != colors.put(light, color)) {
                    events.add(TraceEvent.role(i, ++seq, lane(light), color.name().toLowerCase(Locale.ROOT), 0));
                }
            }
            for (Direction button : Direction.values()) {
                List<Long> pressed = waiting.getOrDefault(button, List.of());
                if (!pressed.isEmpty() && state.color(button.other()) == Color.RED) {
                    for (long press : pressed) {
                        events.add(TraceEvent.reply(i, ++seq, 0, client(button), press, button.other() + " red: cross"));
                    }
                    pressed.clear();
                }
            }
        }
        events.add(TraceEvent.violation(steps.size() - 1, ++seq, trace.problem() + " after " + (steps.size() - 1) + " events",
                trace.problem()));
        return events;
    }

    private static int lane(Direction light) {
        return light == Direction.EW ? 1 : 2;
    }

    private static int client(Direction button) {
        return button == Direction.EW ? 1 : 2;
    }
}
