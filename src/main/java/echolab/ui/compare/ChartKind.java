package echolab.ui.compare;

import java.util.List;
import java.util.function.Function;

import echolab.bench.Metric;
import echolab.bench.ModeResult;

/**
 * The five charts of the Compare tab: what each plots from a mode's figures, in which unit, and
 * what its title and caption say. Latency draws two bars per mode and run (p50 and p99).
 */
enum ChartKind {
    THROUGHPUT("chartThroughput", "Throughput", "round trips per second (churn: connections) · more is better",
            List.of(new Bar("", "/s", ModeResult::roundTripsPerSecond, 1))),
    LATENCY("chartLatency", "Latency of a round trip",
            "ms · light: p50, the median · dark: p99, 1 in 100 slower · less is better",
            List.of(new Bar("p50", " ms", ModeResult::latencyP50Micros, 1e-3),
                    new Bar("p99", " ms", ModeResult::latencyP99Micros, 1e-3))),
    MEMORY("chartMemory", "Memory per client", "MB resident, over the idle server, server and children · less is better",
            List.of(new Bar("", " MB", ModeResult::residentMbPerClient, 1))),
    STARTUP("chartStartup", "Start-up per client", "ms from a new client's connect to its first echo · less is better",
            List.of(new Bar("", " ms", ModeResult::firstEchoMillis, 1))),
    CPU("chartCpu", "CPU", "seconds of CPU for one run, server and children · less is better",
            List.of(new Bar("", " s", ModeResult::cpuSeconds, 1)));

    /**
     * One bar per mode and run: which figure, scaled to the chart's unit.
     *
     * @param styleClass a class for the bar's look ("p50", "p99"), or empty
     * @param suffix     the unit written after the number beside the bar
     */
    record Bar(String styleClass, String suffix, Function<ModeResult, Metric> metric, double scale) {

        /**
         * The median of the figure in the chart's unit; NaN when it was not measured. Every figure
         * here is a cost or a rate, never below zero: a CPU time a hair below zero (the process's
         * CPU less the load client's, both rounded by the OS) is drawn as zero.
         */
        double value(ModeResult m) {
            Metric v = metric.apply(m);
            return v.known() ? Math.max(0, v.median() * scale) : Double.NaN;
        }

        String label(double value) {
            return ("/s".equals(suffix) ? Figures.whole(value) : Figures.number(value)) + suffix;
        }
    }

    private final String nodeId;
    private final String title;
    private final String caption;
    private final List<Bar> bars;

    ChartKind(String nodeId, String title, String caption, List<Bar> bars) {
        this.nodeId = nodeId;
        this.title = title;
        this.caption = caption;
        this.bars = bars;
    }

    String nodeId() {
        return nodeId;
    }

    String title() {
        return title;
    }

    /** One or two words for the chart in a sentence. */
    String shortName() {
        return switch (this) {
            case THROUGHPUT -> "throughput";
            case LATENCY -> "latency p99";
            case MEMORY -> "memory";
            case STARTUP -> "start-up";
            case CPU -> "CPU";
        };
    }

    String caption() {
        return caption;
    }

    List<Bar> bars() {
        return bars;
    }
}
