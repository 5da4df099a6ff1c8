package echolab.bench;

/**
 * Where a bench is: {@code done} of {@code total} runs finished, and what is running now.
 */
public record Progress(int done, int total, String mode, int run, String step) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    @Override
    public String toString() {
        return String.format("[%d/%d] %s run %d: %s", done, total, mode, run, step);
    }
}
