---------------------------- MODULE TrafficLight ----------------------------
(***************************************************************************)
(* The traffic-light controller of the course, the same machine as         *)
(* rafting.traffic.Controller in the traffic-light module, with the same   *)
(* names: a State is a phase, the whole seconds spent in it (elapsed) and  *)
(* whether a button press is waiting (pending).  Time is the Tick action,  *)
(* one second each, so the timings are the Java defaults, unscaled.        *)
(*                                                                         *)
(* The properties about presses are stated over the presses themselves,    *)
(* not over the controller's `pending`: the history variable `waiting`     *)
(* counts, for each button, the ticks since its first press that the light *)
(* has not yet served.  The constant Flaws breaks the controller on        *)
(* purpose, so that TLC shows those properties can fail.                   *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS EwGreen,   \* Timings.ewGreen: seconds East-West stays green
          NsGreen,   \* Timings.nsGreen: seconds North-South stays green
          Yellow,    \* Timings.yellow: seconds a yellow lasts
          MinGreen,  \* Timings.minGreen: green time before a press takes effect
          Flaws      \* broken variants of Controller.press, a subset of FlawNames

\* A second press while one is waiting cancels the first.
SecondPressCancels == "SECOND_PRESS_CANCELS_FIRST"
\* A press on a young green is dropped instead of remembered.
PressIgnored == "PRESS_DOES_NOTHING"
FlawNames == {SecondPressCancels, PressIgnored}

ASSUME /\ {EwGreen, NsGreen, Yellow} \subseteq Nat \ {0}
       /\ MinGreen \in Nat /\ MinGreen <= EwGreen /\ MinGreen <= NsGreen
       /\ Flaws \subseteq FlawNames

VARIABLES phase, elapsed, pending,
          \* history, read by the properties only: for each button, the ticks since the
          \* first of its presses that the light has not served yet, or NotWaiting
          waiting
controller == <<phase, elapsed, pending>>
vars == <<phase, elapsed, pending, waiting>>
NotWaiting == -1

\* Phase: the four phases in the order the controller cycles through them.
Phases == <<"EW_GREEN", "EW_YELLOW", "NS_GREEN", "NS_YELLOW">>
PhaseSet == {Phases[i] : i \in 1..4}
Directions == {"EW", "NS"}
Colors == {"GREEN", "YELLOW", "RED"}

\* Phase.next(): green to yellow, yellow to the other direction's green.
Next(p) == CASE p = "EW_GREEN"  -> "EW_YELLOW"
             [] p = "EW_YELLOW" -> "NS_GREEN"
             [] p = "NS_GREEN"  -> "NS_YELLOW"
             [] p = "NS_YELLOW" -> "EW_GREEN"

IsGreen(p) == p \in {"EW_GREEN", "NS_GREEN"}

\* Phase.open(): the direction whose light is not red.
Open(p) == IF p \in {"EW_GREEN", "EW_YELLOW"} THEN "EW" ELSE "NS"

\* Phase.greenFor(direction)
GreenFor(d) == IF d = "EW" THEN "EW_GREEN" ELSE "NS_GREEN"

\* Phase.color(light) and State.color(light)
Color(light) == IF light # Open(phase) THEN "RED"
                ELSE IF IsGreen(phase) THEN "GREEN" ELSE "YELLOW"

\* Timings.duration(phase)
Duration(p) == IF ~IsGreen(p) THEN Yellow
               ELSE IF Open(p) = "EW" THEN EwGreen ELSE NsGreen

Other(d) == IF d = "EW" THEN "NS" ELSE "EW"

\* Button b is served once the light it asks to turn red is no longer green.
Served(b) == Color(Other(b)) # "GREEN"
ServedAfter(b) == phase' # GreenFor(Other(b))

\* State.INITIAL: East-West green, just turned on, nobody waiting.
Init == phase = "EW_GREEN" /\ elapsed = 0 /\ pending = FALSE
        /\ waiting = [b \in Directions |-> NotWaiting]

\* Controller.tick: a second passes; the phase ends when its time is up or when a
\* remembered press has now waited out the minimum green.
Tick == /\ LET e == elapsed + 1
           IN IF e >= Duration(phase) \/ (pending /\ e >= MinGreen)
              THEN phase' = Next(phase) /\ elapsed' = 0 /\ pending' = FALSE
              ELSE phase' = phase /\ elapsed' = e /\ UNCHANGED pending
        \* the history: every waiting press has waited one more second, unless served now
        /\ waiting' = [b \in Directions |->
              IF ServedAfter(b) \/ waiting[b] = NotWaiting THEN NotWaiting ELSE waiting[b] + 1]

\* Controller.press: button b asks the other direction's light to turn red.  A press
\* for a yellow or red light is ignored; a green past the minimum turns yellow at
\* once; a younger green remembers the press.
Press(b) == /\ LET light == Other(b)
               IN IF phase # GreenFor(light)
                  THEN UNCHANGED controller
                  ELSE IF elapsed >= MinGreen
                       THEN phase' = Next(phase) /\ elapsed' = 0 /\ pending' = FALSE
                       ELSE IF PressIgnored \in Flaws THEN UNCHANGED controller
                       ELSE IF SecondPressCancels \in Flaws /\ pending
                            THEN pending' = FALSE /\ UNCHANGED <<phase, elapsed>>
                       ELSE pending' = TRUE /\ UNCHANGED <<phase, elapsed>>
            \* the history: a press the light has not served starts waiting, unless an
            \* earlier one already waits
            /\ waiting' = [waiting EXCEPT ![b] =
                  IF ServedAfter(b) THEN NotWaiting ELSE IF @ = NotWaiting THEN 0 ELSE @]

Nxt == Tick \/ \E b \in Directions : Press(b)

\* Time always passes; nobody has to press a button.
Spec == Init /\ [][Nxt]_vars /\ WF_vars(Tick)

-----------------------------------------------------------------------------
TypeOK == /\ phase \in PhaseSet
          /\ elapsed \in 0..(Duration(phase) - 1)
          /\ pending \in BOOLEAN
          /\ pending => IsGreen(phase)
          /\ waiting \in [Directions -> {NotWaiting} \cup Nat]

\* The safety rule: never two directions not red at once.
NeverTwoNotRed == ~(Color("EW") # "RED" /\ Color("NS") # "RED")

\* Every press is served within MinGreen ticks: no press waits MinGreen ticks or more
\* (a press on a green older than MinGreen is served at once).
PressServedInTime == \A b \in Directions : waiting[b] < MinGreen

\* Each direction turns green again, forever (needs the fairness of Tick).
EachDirectionGreenAgain == \A d \in Directions : []<>(phase = GreenFor(d))

\* Every press is eventually served: the light it asks to turn red stops being green.
PressEventuallyServed == \A b \in Directions : [](waiting[b] # NotWaiting => <>Served(b))
=============================================================================
