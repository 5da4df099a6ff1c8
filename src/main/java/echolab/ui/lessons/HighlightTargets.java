package echolab.ui.lessons;

import java.util.Optional;

import echolab.lessons.Step;

/**
 * Where in the window a lesson step points: the names a lesson file uses ({@code highlight},
 * {@code point}, a try step's {@code control}) turned into a node to outline and the tab it lives
 * in. Toolkit-free: a selector for {@code Scene.lookup}, so the mapping can be checked without a
 * window and the panels need no new ids.
 */
public final class HighlightTargets {

    /**
     * One part of the window.
     *
     * @param selector what {@code lookup} finds
     * @param up       how many parents up from the found node to outline (a group of toggles has no id of its own)
     * @param tabId    the id of the centre tab to bring to the front, or null when the part is not in a tab
     */
    public record Target(String selector, int up, String tabId) {}

    /** The right-hand controls, where a setting the lesson names cannot be found more exactly. */
    static final Target CONTROLS = new Target(".controls-scroll", 0, null);

    private HighlightTargets() {
    }

    /** What the step in front points at: a run's highlight, a reveal's point, a try's control; else nothing. */
    public static Optional<Target> forStep(Step step) {
        if (step instanceof Step.Run r && r.highlight() != null) {
            return Optional.of(part(r.highlight()));
        }
        if (step instanceof Step.Reveal r && r.point() != null) {
            return Optional.of(part(r.point()));
        }
        if (step instanceof Step.Try t && t.control() != null) {
            return Optional.of(control(t.control()));
        }
        return Optional.empty();
    }

    /** A part of the window by the name lesson files use ({@code LessonReader.TARGETS}). */
    public static Target part(String name) {
        switch (name) {
            case "diagram":
                return new Target("#diagram", 0, "tabDiagram");
            case "timeline":
                return new Target("#timeline", 0, null);
            case "log":
                return new Target("#eventLog", 0, null);
            case "figures":
                return new Target(".figures", 0, null);
            case "clients":
                return new Target("#clientList", 0, null);
            case "sync":
                return new Target("#syncLab", 0, "tabSync");
            case "compare":
                return new Target("#compareView", 0, "tabCompare");
            case "yourServer":
                return new Target("#yourServer", 0, "tabYourServer");
            default:
                return CONTROLS;
        }
    }

    /**
     * A control by the name a try step uses (a setting of {@code Settings.NAMES}, or {@code clients}):
     * the right-hand panel's own control, or the Synchronization lab's for a scenario's settings.
     */
    public static Target control(String name) {
        switch (name) {
            case "mode":
                return new Target("#modeThreads", 1, null);
            case "protection":
                return new Target("#protNone", 1, null);
            case "clients":
                return new Target("#addClient", 1, null);
            case "delayMillis":
                return new Target("#delaySlider", 0, null);
            case "raceWindowMicros":
                return new Target("#raceWindowSlider", 0, null);
            case "poolSize":
                return new Target("#poolSizeSlider", 0, null);
            case "blockingLoop":
                return new Target("#blockingLoopCheck", 0, null);
            case "scenario":
                return new Target("#scenarioSelector", 0, "tabSync");
            case "safe":
                return new Target("#handoffSafe", 0, "tabSync");
            case "handoffWindowMicros":
                return new Target("#handoffWindow", 0, "tabSync");
            case "fix":
                return new Target("#deadlockFix", 0, "tabSync");
            case "holdMillis":
                return new Target("#holdMillis", 0, "tabSync");
            case "fair":
                return new Target("#fairLock", 0, "tabSync");
            case "permits":
                return new Target("#permits", 0, "tabSync");
            default:
                return CONTROLS;
        }
    }
}
