package echolab.ui.timeline;

/**
 * Where the lanes go: how tall each is, which ones fit, and whether there is room to name them.
 * Lanes shrink to fit the height down to {@link #MIN_HEIGHT}; below that the rest are reached by
 * scrolling, {@code first} being the top lane shown.
 *
 * @param first      index of the top lane shown
 * @param shown      how many lanes are shown from {@code first}
 * @param height     height of one lane, in pixels
 * @param labelEvery every how many lanes one is named: 1 when lanes are tall enough for their
 *                   names, more when they are thinner, so that names never overlap
 * @param scrollMax  the largest {@code first} possible; 0 when every lane fits
 */
record LaneLayout(int first, int shown, double height, int labelEvery, int scrollMax) {

    /** Below this a lane is a stripe of colour: still readable as a pattern, no longer as text. */
    static final double MIN_HEIGHT = 4;
    /** Above this lanes stop growing: a few fat bars read worse than many thin ones. */
    static final double MAX_HEIGHT = 26;
    /** The smallest lane a 13 px name still fits. */
    static final double LABEL_HEIGHT = 13;

    /** Lays out {@code lanes} lanes in {@code available} pixels, scrolled to {@code wantedFirst}. */
    static LaneLayout of(int lanes, double available, int wantedFirst) {
        if (lanes <= 0 || available <= 0) {
            return new LaneLayout(0, 0, MAX_HEIGHT, 1, 0);
        }
        double height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.floor(available / lanes)));
        int fits = Math.max(1, (int) Math.floor(available / height));
        int scrollMax = Math.max(0, lanes - fits);
        int first = Math.max(0, Math.min(wantedFirst, scrollMax));
        int labelEvery = (int) Math.ceil(LABEL_HEIGHT / height);
        return new LaneLayout(first, Math.min(fits, lanes - first), height, labelEvery, scrollMax);
    }

    /** Top of the lane at {@code index} (of all lanes), relative to the top of the first one shown. */
    double top(int index) {
        return (index - first) * height;
    }

    /** Whether the lane at {@code index} is named; with thin lanes, every {@code labelEvery}th is. */
    boolean isNamed(int index) {
        return index % labelEvery == 0;
    }

    boolean isShown(int index) {
        return index >= first && index < first + shown;
    }
}
