package echolab.ui.sync;

/**
 * What the tab says about the scenario as it runs now, in three parts: what is happening, why,
 * and what fixes it (or, once fixed, what the fix does and costs).
 */
public record Explanation(String what, String why, String fixTitle, String fix) {

    /** Nothing to say: a choice with a view of its own explains itself. */
    public static final Explanation NONE = new Explanation("", "", "", "");

    public boolean isEmpty() {
        return what.isEmpty();
    }
}
