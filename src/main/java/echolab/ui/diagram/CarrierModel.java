package echolab.ui.diagram;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A carrier thread of the virtual-thread scheduler and the virtual thread mounted on it. FX thread only. */
public final class CarrierModel {

    private final String name;
    private final StringProperty mounted = new SimpleStringProperty("");
    long mountedAt;

    CarrierModel(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public StringProperty mountedProperty() {
        return mounted;
    }

    /** A carrier's state as a value: a checkpoint's copy. */
    record Snapshot(String name, String mounted, long mountedAt) {}

    Snapshot snapshot() {
        return new Snapshot(name, mounted.get(), mountedAt);
    }

    void restore(Snapshot s) {
        mounted.set(s.mounted());
        mountedAt = s.mountedAt();
    }
}
