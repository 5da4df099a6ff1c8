package echolab.engine;

import echolab.engine.child.ChildEcho;

/** Child programs that misbehave, for {@link ChildStartTest}: they run as real child JVMs. */
final class MisbehavingChildren {

    private MisbehavingChildren() {
    }

    /** Starts, and never says it is ready, nor echoes anything. */
    static final class NeverReady {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }

    /** Says something on stderr that is not a report, as the JVM itself may, then does its job. */
    static final class Chatty {
        public static void main(String[] args) throws Exception {
            System.err.println("OpenJDK 64-Bit Server VM warning: Options -Xverify:none are deprecated");
            System.err.flush();
            ChildEcho.main(args);
        }
    }
}
