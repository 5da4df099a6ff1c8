package echolab.observe.check;

/** What a server's printed running total counts: bytes echoed or messages echoed. */
public enum CounterUnit {
    BYTES("bytes"), LINES("lines");

    private final String id;

    CounterUnit(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CounterUnit parse(String id) {
        for (CounterUnit u : values()) {
            if (u.id.equals(id)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown counter unit '" + id + "' (allowed: bytes, lines)");
    }
}
