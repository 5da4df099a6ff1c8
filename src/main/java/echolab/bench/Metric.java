package echolab.bench;

import java.util.Arrays;

/** One figure over the runs of a mode: the median, and the lowest and highest run. */
public record Metric(double median, double min, double max) {

    public static final Metric NONE = new Metric(Double.NaN, Double.NaN, Double.NaN);

    public static Metric of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return NONE;
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Metric(median, v[0], v[v.length - 1]);
    }

    /** (max - min) / median: how much the runs disagreed. */
    public double spread() {
        return median == 0 || Double.isNaN(median) ? Double.NaN : (max - min) / median;
    }

    public boolean known() {
        return !Double.isNaN(median);
    }
}
