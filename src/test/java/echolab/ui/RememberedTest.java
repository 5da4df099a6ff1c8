package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import echolab.engine.Mode;
import echolab.engine.ServerOptions;
import echolab.sync.Protection;
import echolab.ui.subject.Subject;

/** What the window remembers between launches, in a preferences node of this test's own. */
class RememberedTest {

    private final Preferences node = Preferences.userRoot().node("echolab-test/remembered-" + ProcessHandle.current().pid());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void whatIsSavedIsWhatIsLoaded() {
        Remembered saved = new Remembered(40, 30, 1280, 720, false, true, 1.3, Mode.THREADS, Protection.LOCK, 20, 200, 6, Theme.DARK);
        saved.save(node);
        assertEquals(saved, Remembered.load(node).orElseThrow());
        assertTrue(saved.hasBounds());
    }

    @Test
    void theSubjectSwitchedToIsTheOneOpenedOnAndForgettingGoesBackToEchoLabsOwn() {
        assertEquals(Subject.ECHOLAB, Remembered.subject(node)); // nothing saved yet
        Remembered.saveSubject(node, Subject.STUDENT);
        assertEquals(Subject.STUDENT, Remembered.subject(node));
        // the window's record, saved on close, leaves the subject as it was switched
        new Remembered(1, 2, 3, 4, true, false, 1.0, Mode.EVENTS, Protection.NONE, 0, 50, 4, Theme.LIGHT).save(node);
        assertEquals(Subject.STUDENT, Remembered.subject(node));
        Remembered.forget(node);
        assertEquals(Subject.ECHOLAB, Remembered.subject(node));
    }

    @Test
    void nothingSavedOrForgottenLoadsAsNothing() {
        assertTrue(Remembered.load(node).isEmpty());
        new Remembered(1, 2, 3, 4, true, false, 1.0, Mode.EVENTS, Protection.NONE, 0, 50, 4, Theme.LIGHT).save(node);
        Remembered.forget(node);
        assertTrue(Remembered.load(node).isEmpty());
    }

    @Test
    void aSavedValueThatIsNoLongerUnderstoodIsNotUsed() {
        new Remembered(1, 2, 3, 4, false, false, 1.0, Mode.POOL, Protection.NONE, 0, 50, 4, Theme.LIGHT).save(node);
        node.put("mode", "a-mode-of-a-later-version");
        assertTrue(Remembered.load(node).isEmpty(), "unreadable: the defaults stand");
    }

    @Test
    void theServersModeAndSettingsApplyWhereTheyStillFitTheLimits() {
        ServerOptions defaults = ServerOptions.defaults().toBuilder().port(0).build();
        ServerOptions applied = new Remembered(1, 2, 3, 4, false, false, 1.0, Mode.THREADS, Protection.ATOMIC, 25, 300, 7, Theme.LIGHT)
                .applyTo(defaults);
        assertEquals(Mode.THREADS, applied.mode());
        assertEquals(Protection.ATOMIC, applied.protection());
        assertEquals(25, applied.delayMillis());
        assertEquals(300, applied.raceWindowMicros());
        assertEquals(7, applied.poolSize());
        assertEquals(0, applied.port(), "the port is not remembered: the command line's (or the default) stands");

        ServerOptions outOfRange = new Remembered(1, 2, 3, 4, false, false, 1.0, Mode.POOL, Protection.NONE, -5, 50, 1_000_000, Theme.LIGHT)
                .applyTo(defaults);
        assertEquals(defaults.delayMillis(), outOfRange.delayMillis());
        assertEquals(defaults.poolSize(), outOfRange.poolSize());
        assertFalse(new Remembered(Double.NaN, Double.NaN, 0, 0, false, false, 1.0, Mode.POOL, Protection.NONE, 0, 50, 4, Theme.LIGHT).hasBounds());
    }
}
