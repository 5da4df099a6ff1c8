package echolab.ui.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import echolab.ui.fx.Nodes;
import echolab.ui.model.Activity;
import echolab.ui.model.ScenarioModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The starvation scenario's shares: one row per worker, with how often it got the lock (a bar in
 * the colour of holding a lock) and the longest it waited for it (a bar in the colour of waiting
 * for a lock). The greedy worker is marked; a worker that waited far longer than the lock is ever
 * held is marked starved. Threading: FX thread only.
 */
public final class ShareBars extends VBox {

    /**
     * Starved: waited this long for a lock held 1 ms at a time. The engine's runs measure 50-150 ms
     * for the others under an unfair lock and 4-8 ms under a fair one; this sits between.
     */
    static final double STARVED_MILLIS = 25;
    /** The wait bars' full width is at least this, so that a fair run's few milliseconds look as small as they are. */
    private static final double WAIT_SCALE_MILLIS = 100;
    private static final double TURNS_BAR = 110;
    private static final double WAIT_BAR = 130;

    /** One worker's row. */
    private static final class Row extends HBox {
        final Label greedy = Nodes.label("greedy", "share-greedy");
        final Region turnsFill = new Region();
        final Label turns = Nodes.label("", "share-number");
        final Region waitFill = new Region();
        final Label wait = Nodes.label("", "share-number");
        final Label starved = Nodes.label("starved", "share-starved");

        Row(String worker) {
            setId("share-" + Fx.idPart(worker));
            getStyleClass().add("share-row");
            setAlignment(Pos.CENTER_LEFT);
            Label name = Nodes.label(worker, "share-worker");
            name.setMinWidth(Region.USE_PREF_SIZE);
            greedy.setMinWidth(Region.USE_PREF_SIZE);
            starved.setMinWidth(Region.USE_PREF_SIZE);
            HBox who = new HBox(name, greedy);
            who.getStyleClass().add("share-who");
            who.setAlignment(Pos.CENTER_LEFT);
            Nodes.state(turnsFill, Activity.HOLDING);
            Nodes.state(waitFill, Activity.LOCK_WAIT);
            getChildren().addAll(who, bar(turnsFill, TURNS_BAR), turns, bar(waitFill, WAIT_BAR), wait, starved);
        }

        private static StackPane bar(Region fill, double width) {
            fill.getStyleClass().add("share-fill");
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("share-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(width);
            track.setPrefWidth(width);
            track.setMaxWidth(width);
            return track;
        }

        void show(ScenarioModel.Share share, long mostTurns, double waitScale) {
            Nodes.show(greedy, share.greedy());
            width(turnsFill, TURNS_BAR * share.acquisitions() / Math.max(1, mostTurns));
            Nodes.text(turns, String.format(Locale.ROOT, "%,d", share.acquisitions()));
            width(waitFill, WAIT_BAR * Math.min(1, share.longestWaitMillis() / waitScale));
            Nodes.text(wait, String.format(Locale.ROOT, "%.0f ms", share.longestWaitMillis()));
            boolean isStarved = !share.greedy() && share.longestWaitMillis() >= STARVED_MILLIS;
            starved.setVisible(isStarved); // keeps its room: the columns stay put
            Nodes.toggle(this, "starved", isStarved);
        }

        private static void width(Region fill, double w) {
            double px = Math.max(w > 0 ? 2 : 0, Math.round(w));
            if (fill.getPrefWidth() != px) {
                fill.setMinWidth(px);
                fill.setPrefWidth(px);
                fill.setMaxWidth(px);
            }
        }
    }

    private final Label empty = Nodes.label("No worker has taken the lock yet: set up the scenario.", "sync-empty");
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    public ShareBars() {
        setId("starvationShares");
        getStyleClass().add("share-bars");
        HBox header = new HBox(head("worker", "share-who"), head("turns with the lock", "share-head-turns"),
                head("longest wait for it", "share-head-wait"));
        header.getStyleClass().add("share-header");
        getChildren().addAll(header, empty);
    }

    private static Label head(String text, String styleClass) {
        Label l = Nodes.label(text, "share-head", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Shows {@code shares}, one row per worker; rows are made when a worker first appears. */
    public void refresh(List<ScenarioModel.Share> shares) {
        List<String> now = new ArrayList<>(shares.size());
        long mostTurns = 1;
        double longest = WAIT_SCALE_MILLIS;
        for (ScenarioModel.Share s : shares) {
            now.add(s.worker());
            mostTurns = Math.max(mostTurns, s.acquisitions());
            if (!s.greedy()) { // the others' waits are the story; the greedy one's bar may run full
                longest = Math.max(longest, s.longestWaitMillis());
            }
        }
        if (!now.equals(order)) {
            order.clear();
            order.addAll(now);
            getChildren().remove(1, getChildren().size());
            for (String w : now) {
                getChildren().add(rows.computeIfAbsent(w, Row::new));
            }
            if (now.isEmpty()) {
                getChildren().add(empty);
            }
        }
        for (ScenarioModel.Share s : shares) {
            rows.get(s.worker()).show(s, mostTurns, longest);
        }
    }

    /** Rows marked starved now. */
    public int starvedCount() {
        int n = 0;
        for (String w : order) {
            if (rows.get(w).getStyleClass().contains("starved")) {
                n++;
            }
        }
        return n;
    }
}
