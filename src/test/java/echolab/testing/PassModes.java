package echolab.testing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import echolab.engine.Mode;

/**
 * The server models a test of every model runs in this pass of the tests, for
 * {@code @MethodSource("echolab.testing.PassModes#modes")}. In the build's own pass, every model (on
 * Java 17 the virtual-threads case skips itself). In CI's Java 21+ pass ({@code -Dtest.run=jdk21},
 * {@code .ci/run}), only the model that depends on the JDK, virtual threads: the others ran in the
 * first pass on the same bytecode.
 */
public final class PassModes {

    private PassModes() {}

    /** Every model, or in the Java 21+ pass only virtual threads. */
    public static Stream<Mode> modes() {
        return of(Mode.values());
    }

    /** Those of {@code modes} this pass runs. */
    public static Stream<Mode> of(Mode... modes) {
        List<Mode> list = Arrays.asList(modes);
        return jdkPass() ? list.stream().filter(m -> m == Mode.VIRTUAL) : list.stream();
    }

    /** Whether this is CI's second pass, on a Java 21+ JDK, which runs only what depends on the JDK. */
    public static boolean jdkPass() {
        return "jdk21".equals(System.getProperty("echolab.test.run"));
    }
}
