package echolab.sync;

import java.io.IOException;

/** The part of an echo that a scenario guards: waiting, counting, writing. */
@FunctionalInterface
public interface Work {
    void run() throws IOException, InterruptedException;
}
