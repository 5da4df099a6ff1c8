package echolab.ui.controls;

import java.io.IOException;
import java.util.Optional;

import echolab.engine.Mode;
import echolab.lab.Lab;
import echolab.sync.Protection;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The commands of the right-hand panel, passed to the lab. What they change comes back through
 * the event stream into {@link ControlsFold}, which the controls show; a command never updates the
 * picture itself. Threading: FX thread; each command returns at once.
 */
public final class ControlsViewModel {

    private final Lab lab;
    private final ControlsFold model;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ControlsViewModel(Lab lab, ControlsFold model) {
        this.lab = lab;
        this.model = model;
    }

    // Commands

    public void selectMode(Mode mode) {
        try {
            lab.switchMode(mode);
            status.set("");
        } catch (IllegalArgumentException | IOException e) {
            status.set(mode.title() + ": " + e.getMessage());
        }
    }

    public void selectProtection(Protection protection) {
        lab.setProtection(protection);
    }

    public void setDelayMillis(long ms) {
        lab.setDelayMillis(ms);
    }

    public void setRaceWindowMicros(long us) {
        lab.setRaceWindowMicros(us);
    }

    public void setPoolSize(int workers) {
        lab.setPoolSize(workers);
    }

    public void setBlockingLoop(boolean blocking) {
        lab.setBlockingLoop(blocking);
    }

    public void addClient() {
        lab.addClient();
    }

    public void addClients(int count) {
        for (int i = 0; i < count; i++) {
            lab.addClient();
        }
    }

    public void addSlowClient() {
        lab.addSlowClient();
    }

    public void disconnectAll() {
        lab.disconnectAll();
    }

    // Queries

    /** Why a mode's button is disabled, or empty. */
    public Optional<String> unavailable(Mode mode) {
        return mode.unavailableReason();
    }

    /** A short sentence on what the mode does, for its button's tooltip and the caption. */
    public static String explain(Mode mode) {
        return switch (mode) {
            case ITERATIVE -> "One thread accepts a client and serves it to the end before accepting the next.";
            case PROCESSES -> "Each client gets its own child process, with its own memory and its own counter.";
            case THREADS -> "Each client gets a new thread; all threads share one process's memory.";
            case POOL -> "A fixed set of worker threads takes clients from a queue.";
            case EVENTS -> "One thread watches every connection and serves whichever is ready.";
            case VIRTUAL -> "A virtual thread per client, run on a few carrier threads (Java 21+).";
        };
    }

    public static String explain(Protection protection) {
        return switch (protection) {
            case NONE -> "Read, wait, write: two workers that overlap lose an update.";
            case LOCK -> "A lock lets one worker at a time read-modify-write the counter.";
            case SEMAPHORE -> "A semaphore with one permit: the same exclusion, by counting.";
            case ATOMIC -> "Compare-and-set: a write that finds the value changed retries.";
        };
    }

    /** The server's settings as its events tell them: what the controls show. */
    public ControlsFold model() {
        return model;
    }

    /** The last command's trouble, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
