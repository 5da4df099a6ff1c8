package echolab.ui.controls;

import echolab.engine.Mode;
import echolab.events.Event;
import echolab.sync.Protection;
import echolab.ui.fold.Fold;
import echolab.ui.fold.Rewindable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The server's settings as its events tell them: the mode, the protection, the delay, the race
 * window, the pool's size, the blocking loop and the address it listens on. The controls, the
 * header and the menus show them; a command never sets them, the server's event does.
 *
 * <p>Threading: FX thread, from the pump.
 */
public final class ControlsFold implements Fold, Rewindable<ControlsFold.Snapshot> {

    /** The settings as a value (the time machine's checkpoints). */
    public record Snapshot(Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                           boolean blockingLoop, String address) {}

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.POOL);
    private final ObjectProperty<Protection> protection = new SimpleObjectProperty<>(Protection.NONE);
    private final LongProperty delayMillis = new SimpleLongProperty();
    private final LongProperty raceWindowMicros = new SimpleLongProperty();
    private final IntegerProperty poolSize = new SimpleIntegerProperty();
    private final BooleanProperty blockingLoop = new SimpleBooleanProperty();
    private final StringProperty address = new SimpleStringProperty("");

    /** Starts from the server's settings as they are, before any event arrives. */
    public ControlsFold(Mode mode, Protection protection, long delayMillis, long raceWindowMicros, int poolSize,
                        boolean blockingLoop) {
        this.mode.set(mode);
        this.protection.set(protection);
        this.delayMillis.set(delayMillis);
        this.raceWindowMicros.set(raceWindowMicros);
        this.poolSize.set(poolSize);
        this.blockingLoop.set(blockingLoop);
    }

    @Override
    public void apply(Event e, long playNanos) {
        if (e instanceof Event.ServerStarted x) {
            address.set(x.host() + ":" + x.port());
            mode.set(Mode.parse(x.mode()));
        } else if (e instanceof Event.ModeChanged x) {
            mode.set(Mode.parse(x.to()));
        } else if (e instanceof Event.ProtectionChanged x) {
            protection.set(Protection.parse(x.to()));
        } else if (e instanceof Event.SettingChanged x) {
            switch (x.name()) {
                case "delayMs" -> delayMillis.set(x.value());
                case "raceWindowUs" -> raceWindowMicros.set(x.value());
                case "poolSize" -> poolSize.set((int) x.value());
                case "blockingLoop" -> blockingLoop.set(x.value() != 0);
                default -> { } // the scenarios' settings: see ScenarioFold
            }
        }
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(mode.get(), protection.get(), delayMillis.get(), raceWindowMicros.get(), poolSize.get(),
                blockingLoop.get(), address.get());
    }

    @Override
    public void restore(Snapshot s) {
        mode.set(s.mode());
        protection.set(s.protection());
        delayMillis.set(s.delayMillis());
        raceWindowMicros.set(s.raceWindowMicros());
        poolSize.set(s.poolSize());
        blockingLoop.set(s.blockingLoop());
        address.set(s.address());
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Protection> protectionProperty() {
        return protection;
    }

    public LongProperty delayMillisProperty() {
        return delayMillis;
    }

    public LongProperty raceWindowMicrosProperty() {
        return raceWindowMicros;
    }

    public IntegerProperty poolSizeProperty() {
        return poolSize;
    }

    public BooleanProperty blockingLoopProperty() {
        return blockingLoop;
    }

    /** {@code host:port} of the listening socket. */
    public StringProperty addressProperty() {
        return address;
    }
}
