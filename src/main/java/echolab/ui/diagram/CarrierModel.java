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
}
