package echolab.ui.observe;

import java.util.Locale;

import echolab.observe.TreeSampler;
import echolab.ui.diagram.ObservedDiagram;
import javafx.scene.layout.StackPane;

/**
 * The student's process tree, drawn by the process diagram's own parts ({@link ObservedDiagram}):
 * the tree's models ({@link ObservedTreeModel#drawn()}) handed to the lab's process box, thread
 * lanes and children area, with the words that belong to a student's server: where the picture is
 * read from, whose children these are, how many are zombies. {@link #refresh} brings the picture in
 * step with the model.
 *
 * <p>Threading: FX thread only.
 */
public final class ObservedTreeView extends StackPane {

    /** What a forking server's children share with it, and what it owes them. */
    static final String CHILDREN_NOTE = "fork() copied the parent's memory and descriptors; the parent must reap "
            + "each.";
    private static final String START_FIRST = "Start your server above: its processes and their threads appear here "
            + "as it runs, each thread in the colour of what it waits in.";
    private static final String NOT_YET_RECORDED = "The recording has not reached the server's start: Resume, or step "
            + "with →.";
    /** Played from a recording ({@code open --replay}): nothing is read now, and nothing can be started. */
    private boolean recorded;

    private ObservedDiagram diagram;
    private long shownRevision = -1;

    public ObservedTreeView() {
        getStyleClass().add("observed-tree");
    }

    /** Where the tree is read from: {@code /proc} on Linux, the system's process table elsewhere. */
    static String source() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") ? "/proc"
                : "the system's process table";
    }

    /** Says, from the first picture on, that the tree is played from a recording rather than read now. */
    public void asRecorded() {
        recorded = true;
    }

    /** Redraws from {@code tree} if it changed since the last refresh. */
    public void refresh(ObservedTreeModel tree) {
        ObservedDiagramModel drawn = tree.drawn();
        if (diagram == null) {
            diagram = new ObservedDiagram(drawn.processes(), drawn.held(), CHILDREN_NOTE);
            if (recorded) {
                diagram.recordedFrom(source());
            } else {
                diagram.readFrom(source(), TreeSampler.DEFAULT_PER_SECOND);
            }
            diagram.waiting(recorded ? NOT_YET_RECORDED : START_FIRST);
            getChildren().setAll(diagram);
        }
        if (tree.revision() != shownRevision) {
            shownRevision = tree.revision();
            diagram.waiting(tree.serverPid() < 0 ? (recorded ? NOT_YET_RECORDED : START_FIRST)
                    : tree.running() ? "PID " + tree.serverPid() + (recorded ? " runs." : " runs; its tree is being read …")
                    : "PID " + tree.serverPid() + " has stopped: " + tree.stopReason());
            diagram.address(tree.serverPid() < 0 ? "" : "127.0.0.1:" + tree.port());
            diagram.childrenWhat(childrenWhat(tree));
        }
        diagram.flush();
    }

    /** {@code · 3 running · 2 zombies: ended, not reaped · 7 reaped}: the children's title after their count. */
    static String childrenWhat(ObservedTreeModel tree) {
        int zombies = tree.zombies();
        return " · " + tree.childrenAlive() + " running"
                + (zombies > 0 ? " · " + zombies + (zombies == 1 ? " zombie" : " zombies") + ": ended, not reaped" : "")
                + (tree.reaped() > 0 ? " · " + tree.reaped() + " reaped" : "");
    }
}
