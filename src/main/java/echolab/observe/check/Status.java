package echolab.observe.check;

/** A check's outcome: it holds, it does not, or it could not be judged (and so is not passed). */
public enum Status {
    PASS, FAIL, SKIP;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
