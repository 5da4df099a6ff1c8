package echolab.lessons;

import java.util.List;

/** One step of a lesson. {@code line} is where it starts in its file, for messages. */
public sealed interface Step {

    int line();

    /** The step's kind as the file names it: setUp, predict, run, reveal, try. */
    String kind();

    /** The app configures the real server and says what it set. */
    record SetUp(int line, String say, Settings settings) implements Step {
        @Override
        public String kind() {
            return "setUp";
        }
    }

    /**
     * A question first. Either {@code choices} (one click each, or the class's raised hands per
     * choice) or {@code number} (a figure to guess, with its unit).
     */
    record Predict(int line, String question, List<Choice> choices, NumberGuess number) implements Step {
        public Predict {
            choices = List.copyOf(choices);
        }

        @Override
        public String kind() {
            return "predict";
        }

        public boolean isNumber() {
            return number != null;
        }
    }

    /**
     * The real server runs: the clients start, the run ends when they have all finished or after
     * {@code seconds}, and the expectations are checked against what the run measured.
     *
     * @param label     a name for this run's figures, so a later reveal can quote them as {@code label.figure};
     *                  null when the run is the lesson's only one of its kind
     * @param clients   who connects, in order; empty for a {@code compare} or {@code student} run
     * @param compare   measure several modes side by side (the Compare tab's bench), or null
     * @param student   run one of the example servers of "Your server" and watch it, or null
     * @param seconds   at most this long; clients still connected then are disconnected
     * @param highlight the part of the window that matters while it runs
     * @param expect    what the measurement must show for the reveal to be true here
     * @param widen     what to widen when this machine does not show it, or null
     */
    record Run(int line, String say, String label, List<ClientGroup> clients, CompareRun compare, StudentRun student,
               double seconds, String highlight, List<Expectation> expect, Widen widen) implements Step {
        public Run {
            clients = List.copyOf(clients);
            expect = List.copyOf(expect);
        }

        @Override
        public String kind() {
            return "run";
        }
    }

    /**
     * "You predicted ..." beside "Measured ...": the figures to quote, a few sentences of why
     * ({@code {figure}} in them is replaced by its measured value) and what to point at.
     */
    record Reveal(int line, List<String> figures, String why, String point) implements Step {
        public Reveal {
            figures = List.copyOf(figures);
        }

        @Override
        public String kind() {
            return "reveal";
        }
    }

    /** Change one control and watch the difference. */
    record Try(int line, String say, String control) implements Step {
        @Override
        public String kind() {
            return "try";
        }
    }

    /** An answer to a question; {@code when}, if given, says from the measurement whether it was right. */
    record Choice(String text, Expression when) {}

    /** A number to guess: which figure it is, and its unit as the question shows it. */
    record NumberGuess(String figure, String unit) {}

    /** A measurement of several modes: the Compare tab's bench, once per mode. */
    record CompareRun(List<String> modes, int clients, int lines) {
        public CompareRun {
            modes = List.copyOf(modes);
        }
    }

    /**
     * One of the example servers of "Your server" (e.g. {@code fork_noreap}), and the clients that visit it.
     *
     * @param recording the run as recorded on a machine that could make it, shown where this one cannot; or null
     */
    record StudentRun(String example, int clients, long settleMillis, ShippedRecording recording) {}

    /** Multiply {@code setting} by {@code factor} and run again, at most {@code times} times. */
    record Widen(String setting, double factor, int times) {}
}
