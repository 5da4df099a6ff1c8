package echolab.ui;

import echolab.ui.compare.CompareRun;
import echolab.ui.compare.CompareViewModel;
import javafx.beans.value.ChangeListener;

/**
 * For {@code frames --compare}: brings the Compare tab to the front and runs comparisons with its
 * settings back to back, so that the window is measured while a bench is always under way.
 *
 * <p>Threading: FX thread only.
 */
final class CompareLoop {

    private final CompareViewModel vm;
    private final ChangeListener<Boolean> again;
    private int finished;

    private CompareLoop(CompareViewModel vm) {
        this.vm = vm;
        this.again = (o, was, is) -> {
            if (!is) {
                finished++;
                vm.run();
            }
        };
    }

    static CompareLoop start(MainController controller) {
        controller.showCompare();
        CompareLoop loop = new CompareLoop(controller.compare().viewModel());
        loop.vm.runningProperty().addListener(loop.again);
        loop.vm.run();
        return loop;
    }

    /** Comparisons that have ended so far. */
    int finished() {
        return finished;
    }

    /** The workload of the comparisons, in words. */
    String workload() {
        return CompareRun.name(vm.workload()) + ", modes " + vm.chosenModes();
    }

    /** Starts no further comparison; the one under way ends with the window. */
    void stop() {
        vm.runningProperty().removeListener(again);
    }
}
