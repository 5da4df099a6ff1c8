package echolab.observe;

import java.util.List;

import echolab.events.EventBus;

/**
 * A JVM that starts a student's server and then dies of an error nobody catches, on its main thread
 * with no other thread to keep it alive, as EchoLab does when an error ends it: for
 * {@link ServerEndsWithItsJvmTest}. Prints the server's PID first.
 */
public final class FailingOwner {

    private FailingOwner() {
    }

    public static void main(String[] args) throws Exception {
        StudentServer server = StudentServer.start(new Launch(List.of(args)), new EventBus());
        System.out.println("server " + server.pid() + " " + server.port());
        System.out.flush();
        Thread.sleep(1_500); // the test connects a client meanwhile, so that the server forks
        throw new IllegalStateException("an error nobody catches");
    }
}
