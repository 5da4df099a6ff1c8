package echolab.ui.sync;

import echolab.sync.Scenario;

/**
 * The choices of the Synchronization lab's selector, in the order they are shown. Each runs one
 * server scenario; most are drawn by the lab's own pages, a choice with a page id shows that node
 * of the tab instead (a view of its own, such as one put into {@code #stepThroughHolder}).
 *
 * <p>Adding a choice is one line here; the selector, the pages and the explanation follow.
 */
public enum SyncChoice {
    NONE("scenarioNone", "None", Scenario.NONE, null,
            "The plain echo server: only the counter's race, set by Race protection."),
    HANDOFF("scenarioHandoff", "Hand-off race", Scenario.HANDOFF, null,
            "A connection handed over through one shared slot: a client served twice, another never."),
    DEADLOCK("scenarioDeadlock", "Deadlock", Scenario.DEADLOCK, null,
            "Two resources taken in opposite orders: workers wait for each other forever."),
    STARVATION("scenarioStarvation", "Starvation & fairness", Scenario.STARVATION, null,
            "An unfair lock keeps going to the same worker; a fair one serves the queue in order."),
    SEMAPHORE("scenarioSemaphore", "Counting semaphore", Scenario.SEMAPHORE, null,
            "K permits: at most K workers do the echo work at once, the others wait."),
    STEP_THROUGH("scenarioStepThrough", "Step through a lost update", Scenario.NONE, "stepThroughHolder",
            "Two workers' read, add and write, one click at a time: the interleaving that loses an update."),
    ; // alone on its line, so that adding a choice touches no other line

    private final String nodeId;
    private final String title;
    private final Scenario scenario;
    private final String pageId;
    private final String summary;

    SyncChoice(String nodeId, String title, Scenario scenario, String pageId, String summary) {
        this.nodeId = nodeId;
        this.title = title;
        this.scenario = scenario;
        this.pageId = pageId;
        this.summary = summary;
    }

    /** The id of its button in the selector. */
    public String nodeId() {
        return nodeId;
    }

    public String title() {
        return title;
    }

    /** The server scenario it runs. */
    public Scenario scenario() {
        return scenario;
    }

    /** The id of the node that shows it instead of the lab's own pages, or null. */
    public String pageId() {
        return pageId;
    }

    /** Whether it is shown by a view of its own rather than the lab's pages. */
    public boolean ownPage() {
        return pageId != null;
    }

    /** One sentence on what it shows. */
    public String summary() {
        return summary;
    }

    /** The first choice that runs {@code scenario}: the one shown when the server switches to it. */
    public static SyncChoice of(Scenario scenario) {
        for (SyncChoice c : values()) {
            if (c.scenario == scenario && !c.ownPage()) {
                return c;
            }
        }
        return NONE;
    }
}
