package org.pedaflow.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The scenario test class must pass every flow node and every sequence flow of the named process:
 * after the class, {@link FullCoverageListener} reads the process-test-coverage report and fails on
 * any element never reached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestExecutionListeners(listeners = FullCoverageListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface FullCoverage {

  /** Key of the process whose model must be covered completely. */
  String value();
}
