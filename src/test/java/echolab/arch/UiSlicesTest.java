package echolab.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The window's features depend on each other one way: no two ui packages need each other. */
@AnalyzeClasses(packages = "echolab", importOptions = ImportOption.DoNotIncludeTests.class)
class UiSlicesTest {

    @ArchTest
    static final ArchRule uiSlicesAreFreeOfCycles = slices().matching("echolab.ui.(*)..").should().beFreeOfCycles();
}
