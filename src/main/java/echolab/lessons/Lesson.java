package echolab.lessons;

import java.util.List;

/**
 * One lesson: a few minutes on one point of the lab, as a list of steps (set up, predict, run,
 * reveal, try). Lessons are data, read from a file by {@link LessonReader}.
 *
 * @param id       a short name, lower case with dashes ({@code threads-share-memory})
 * @param title    what the panel lists
 * @param labPoint the point of the lab or the lecture notes it teaches
 * @param minutes  about how long it takes in class
 * @param source   where it was read from: a file's path, or {@code built-in:ID}
 */
public record Lesson(String id, String title, String labPoint, int minutes, String source, List<Step> steps) {

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The lesson's steps that run the server. */
    public List<Step.Run> runs() {
        return steps.stream().filter(Step.Run.class::isInstance).map(Step.Run.class::cast).toList();
    }
}
