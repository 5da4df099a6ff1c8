package echolab.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.stage.Stage;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationAdapter;
import org.testfx.framework.junit5.ApplicationFixture;
import org.testfx.util.WaitForAsyncUtils;

import echolab.engine.ServerOptions;
import echolab.ui.LabWindow;

/**
 * The window of a UI test, one for each test, on Monocle's headless screen (which the pom's surefire
 * properties choose): before it, TestFX's primary stage becomes the lab's own window ({@link #lab}),
 * or a new stage is given to the test to fill ({@link #stage}); after it, the window is closed and
 * TestFX releases whatever keys and buttons are still held. Test methods take an
 * {@link FxRobot} parameter to drive the window as a user would.
 *
 * <pre>
 * private LabWindow window;
 *
 * &#64;RegisterExtension
 * final FxWindow fx = FxWindow.lab(opened -&gt; window = opened);
 * </pre>
 *
 * Registered on a field, it comes after the class's {@code @ExtendWith}s: its closing runs after
 * the test's own {@code @AfterEach} methods and before {@link NoLeftovers} looks for leftovers.
 */
public final class FxWindow implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** What a test does with the stage before it runs, on the FX thread. */
    @FunctionalInterface
    public interface StageSetUp {
        void start(Stage stage) throws Exception;
    }

    /** A step run on the FX thread just before the lab window opens. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** Closing the lab window ends its server, clients and children: under load that can take a while. */
    private static final long CLOSE_SECONDS = 60;

    private final ServerOptions options; // null: the test fills the stage itself
    private final Consumer<LabWindow> opened;
    private final StageSetUp setUp;
    private Step beforeOpening = () -> { };
    private Supplier<String> shown;
    private final FxRobot robot = new FxRobot();
    private ApplicationAdapter application;
    private volatile LabWindow window;
    /** The stage a test fills ({@link #stage}): a new one each time, closed after the test. */
    private volatile Stage own;
    /** Done when the stage's set-up has ended, however: a set-up TestFX gave up waiting for may still open the lab. */
    private volatile CompletableFuture<Void> opening = CompletableFuture.completedFuture(null);

    private FxWindow(ServerOptions options, Consumer<LabWindow> opened, StageSetUp setUp) {
        this.options = options;
        this.opened = opened;
        this.setUp = setUp;
    }

    /** The lab window with the default options on a free port, handed to {@code opened} once open. */
    public static FxWindow lab(Consumer<LabWindow> opened) {
        return lab(ServerOptions.defaults().toBuilder().port(0).build(), opened);
    }

    /** The lab window with {@code options}, handed to {@code opened} once open. */
    public static FxWindow lab(ServerOptions options, Consumer<LabWindow> opened) {
        return new FxWindow(options, opened, null);
    }

    /** The bare stage, which {@code setUp} fills (a scene of the view under test, shown). */
    public static FxWindow stage(StageSetUp setUp) {
        return new FxWindow(null, null, setUp);
    }

    /** Runs {@code step} before the lab window opens: a request left for the window to find at its opening. */
    public FxWindow beforeOpening(Step step) {
        this.beforeOpening = step;
        return this;
    }

    /** What a {@link FxThread#waitFor} that times out reports the window showed (read on the FX thread). */
    public FxWindow describedBy(Supplier<String> shown) {
        this.shown = shown;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxThread.describeWith(shown);
        opening = new CompletableFuture<>();
        FxToolkit.registerPrimaryStage();
        application = (ApplicationAdapter) FxToolkit.setupApplication(() -> new ApplicationAdapter(new ApplicationFixture() {
            @Override
            public void init() {
            }

            @Override
            public void start(Stage stage) throws Exception {
                open(stage);
            }

            @Override
            public void stop() {
            }
        }));
    }

    private void open(Stage stage) throws Exception {
        try {
            if (setUp != null) {
                // not TestFX's primary stage, which every test of this JVM shares: a test before may have
                // sized it (a window of 1600x1000, say), and a stage keeps an explicit size when given a
                // new scene, so a view would be laid out in the size the test before left
                own = new Stage();
                setUp.start(own);
                return;
            }
            beforeOpening.run();
            window = LabWindow.open(stage, options);
            opened.accept(window);
        } finally {
            opening.complete(null);
        }
    }

    /**
     * Closes the lab window now (its server, clients and children end with it), for a test that
     * checks what closing leaves; after the test it is closed anyway.
     */
    public void close() throws Exception {
        try {
            opening.get(CLOSE_SECONDS, TimeUnit.SECONDS); // a late opening is closed too, not left running
        } catch (TimeoutException e) {
            // still opening after all that time: the window, if it ever opens, is left to NoLeftovers to report
        }
        LabWindow open = window;
        window = null;
        if (open != null) {
            WaitForAsyncUtils.asyncFx(open::close).get(CLOSE_SECONDS, TimeUnit.SECONDS);
        }
        Stage filled = own;
        own = null;
        if (filled != null) {
            WaitForAsyncUtils.asyncFx(filled::close).get(CLOSE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxThread.describeWith(null);
        try {
            close();
        } finally {
            if (application != null) {
                FxToolkit.cleanupAfterTest(robot, application);
                WaitForAsyncUtils.waitForFxEvents();
                application = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isAssignableFrom(FxRobot.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return robot;
    }
}
