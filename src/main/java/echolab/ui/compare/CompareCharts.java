package echolab.ui.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import echolab.engine.Mode;
import echolab.ui.compare.ValueBarChart.BarValue;
import javafx.collections.FXCollections;
import javafx.scene.chart.XYChart;

/**
 * Fills the five charts from the runs shown: one category per mode measured in any of them, one
 * series per run (two for latency: p50 and p99), oldest run on top, each bar with its number.
 * The scale is linear from zero, so a mode that costs a hundred times more looks it; the bars
 * too short to see still carry their numbers, and the reading names such a mode.
 *
 * <p>Threading: FX thread only.
 */
final class CompareCharts {

    /** Room past the longest bar for its number, as a share of the longest bar. */
    private static final double HEADROOM = 0.32;

    private final Map<ChartKind, ValueBarChart> charts = new EnumMap<>(ChartKind.class);

    CompareCharts() {
        for (ChartKind kind : ChartKind.values()) {
            ValueBarChart chart = new ValueBarChart();
            chart.setId(kind.nodeId());
            chart.getStyleClass().add("compare-chart");
            chart.setBarGap(2);
            chart.setCategoryGap(12);
            charts.put(kind, chart);
        }
    }

    ValueBarChart chart(ChartKind kind) {
        return charts.get(kind);
    }

    /** The modes measured in any of {@code runs}, in the lab's order. */
    static List<Mode> modes(List<CompareRun> runs) {
        List<Mode> modes = new ArrayList<>();
        for (Mode m : Mode.values()) {
            if (runs.stream().anyMatch(r -> r.result(m).isPresent())) {
                modes.add(m);
            }
        }
        return modes;
    }

    void show(List<CompareRun> runs) {
        List<Mode> modes = modes(runs);
        List<String> categories = new ArrayList<>();
        modes.forEach(m -> categories.add(ModeNames.of(m)));
        Collections.reverse(categories); // a vertical category axis counts from the bottom: the first mode on top
        for (ChartKind kind : ChartKind.values()) {
            ValueBarChart chart = charts.get(kind);
            List<XYChart.Series<Number, String>> all = new ArrayList<>();
            double max = 0;
            for (CompareRun run : runs) {
                for (ChartKind.Bar bar : kind.bars()) {
                    XYChart.Series<Number, String> series = new XYChart.Series<>();
                    series.setName(run.name() + (bar.styleClass().isEmpty() ? "" : " · " + bar.styleClass()));
                    for (Mode mode : modes) {
                        double v = run.result(mode).map(bar::value).orElse(Double.NaN);
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        XYChart.Data<Number, String> data = new XYChart.Data<>(v, ModeNames.of(mode));
                        List<String> classes = new ArrayList<>(List.of("run-slot-" + run.slot()));
                        if (!bar.styleClass().isEmpty()) {
                            classes.add(bar.styleClass());
                        }
                        data.setExtraValue(new BarValue(bar.label(v), classes));
                        series.getData().add(data);
                        max = Math.max(max, v);
                    }
                    all.add(series);
                }
            }
            chart.getData().clear();
            chart.modes().setAutoRanging(false);
            chart.modes().setCategories(FXCollections.observableArrayList(categories));
            chart.values().setUpperBound(max > 0 ? max * (1 + HEADROOM) : 1);
            chart.values().setTickUnit(chart.values().getUpperBound() / 4);
            chart.getData().setAll(all);
            chart.setMinHeight(height(modes.size(), Math.max(1, all.size())));
            chart.setPrefHeight(height(modes.size(), Math.max(1, all.size())));
        }
    }

    /** Tall enough that each bar is a readable stripe: about 15 px a bar, plus title and padding. */
    private static double height(int categories, int barsPerCategory) {
        return 64 + Math.max(1, categories) * Math.max(36, barsPerCategory * 15 + 14);
    }
}
