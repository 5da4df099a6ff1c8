package echolab.ui.compare;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.text.Text;

/**
 * A horizontal bar chart that writes each bar's number beside it, so a bar too short to see (a
 * thread's memory beside a process's) still says what it measured, and no axis has to be read.
 * A bar's {@code extraValue} is its {@link BarValue}: the text beside it and the style classes
 * that give it its run's colour.
 *
 * <p>Never animated: the charts change once, when a comparison ends. Threading: FX thread only.
 */
final class ValueBarChart extends BarChart<Number, String> {

    /** What a bar shows beside itself, and the classes of its look (its run's slot, p50 or p99). */
    record BarValue(String text, List<String> styleClasses) {}

    private static final double GAP = 5;

    private final Map<Data<Number, String>, Text> labels = new IdentityHashMap<>();

    ValueBarChart() {
        super(new NumberAxis(), new CategoryAxis());
        setAnimated(false);
        setLegendVisible(false);
        setHorizontalGridLinesVisible(false);
        setVerticalGridLinesVisible(false);
        setVerticalZeroLineVisible(false);
        getStyleClass().add("value-bar-chart");
        NumberAxis values = values();
        values.setAutoRanging(false); // the range leaves room for the numbers; see setUpperBound
        values.setLowerBound(0);
        values.setTickLabelsVisible(false);
        values.setTickMarkVisible(false);
        values.setMinorTickVisible(false);
        values.setOpacity(0); // every bar says its number; an axis would only be more to read
        values.setPrefHeight(4);
        modes().setTickMarkVisible(false);
    }

    NumberAxis values() {
        return (NumberAxis) getXAxis();
    }

    CategoryAxis modes() {
        return (CategoryAxis) getYAxis();
    }

    /** The text written beside the bar of {@code data}, or null; for tests. */
    Text label(Data<Number, String> data) {
        return labels.get(data);
    }

    @Override
    protected void seriesAdded(Series<Number, String> series, int seriesIndex) {
        super.seriesAdded(series, seriesIndex);
        for (Data<Number, String> d : series.getData()) {
            addLabel(d);
        }
    }

    @Override
    protected void seriesRemoved(Series<Number, String> series) {
        for (Data<Number, String> d : series.getData()) {
            removeLabel(d);
        }
        super.seriesRemoved(series);
    }

    @Override
    protected void dataItemAdded(Series<Number, String> series, int itemIndex, Data<Number, String> item) {
        super.dataItemAdded(series, itemIndex, item);
        addLabel(item);
    }

    @Override
    protected void dataItemRemoved(Data<Number, String> item, Series<Number, String> series) {
        removeLabel(item);
        super.dataItemRemoved(item, series);
    }

    private void addLabel(Data<Number, String> d) {
        if (labels.containsKey(d) || !(d.getExtraValue() instanceof BarValue value)) {
            return;
        }
        Text text = new Text(value.text());
        text.getStyleClass().add("bar-value");
        text.setTextOrigin(VPos.TOP);
        text.setManaged(false);
        labels.put(d, text);
        getPlotChildren().add(text);
    }

    private void removeLabel(Data<Number, String> d) {
        Text text = labels.remove(d);
        if (text != null) {
            getPlotChildren().remove(text);
        }
    }

    /**
     * Lays the bars out, then gives each bar its run's look (BarChart resets a bar's classes when
     * its series is added) and puts its number just past its end, or inside it when the plot ends
     * first.
     */
    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double plotWidth = values().getWidth();
        List<Text> stale = new ArrayList<>(labels.values());
        for (Series<Number, String> series : getData()) {
            for (Data<Number, String> d : series.getData()) {
                Text text = labels.get(d);
                Node bar = d.getNode();
                if (text == null || bar == null || !(d.getExtraValue() instanceof BarValue value)) {
                    continue;
                }
                stale.remove(text);
                for (String c : value.styleClasses()) {
                    if (!bar.getStyleClass().contains(c)) {
                        bar.getStyleClass().add(c);
                    }
                }
                Bounds b = bar.getBoundsInParent();
                Bounds t = text.getLayoutBounds();
                double y = b.getMinY() + (b.getHeight() - t.getHeight()) / 2;
                boolean outside = b.getMaxX() + GAP + t.getWidth() <= plotWidth || b.getWidth() < t.getWidth() + 2 * GAP;
                text.pseudoClassStateChanged(INSIDE, !outside);
                text.relocate(outside ? b.getMaxX() + GAP : b.getMaxX() - GAP - t.getWidth(), y);
            }
        }
        stale.forEach(t -> t.setVisible(false));
    }

    private static final javafx.css.PseudoClass INSIDE = javafx.css.PseudoClass.getPseudoClass("inside");
}
