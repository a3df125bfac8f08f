package org.pedaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.labelling.LabellingTestSupport;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The history cleanup of {@code application.yaml}: the engine schedules it in the nightly window, and
 * a run deletes the history of the instances whose time to live is over, and only theirs.
 */
class HistoryCleanupTest extends PedaflowIntegrationTest {

  @Test
  void theCleanupIsScheduledInTheNightlyWindow() {
    assertScheduledInTheNightlyWindow();
  }

  private void assertScheduledInTheNightlyWindow() {
    List<Job> jobs = historyService.findHistoryCleanupJobs();
    assertThat(jobs).as("without a batch window the engine schedules no cleanup").isNotEmpty();
    for (Job job : jobs) {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).as("due date of the cleanup job").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }
  }

  @Test
  void historyWhoseTimeToLiveIsOverIsDeletedAndNoOtherHistory() {
    ProcessInstance expired = applyAsTeacher(LabellingTestSupport.application("CLEANUP-EXPIRED", 10));
    ProcessInstance recent = applyAsTeacher(LabellingTestSupport.application("CLEANUP-RECENT", 10));
    awaitJobs(expired.getId());
    awaitJobs(recent.getId());
    assertThat(ended(expired).getRemovalTime()).as("removal time: end + historyTimeToLive (P365D)")
        .isAfter(new Date(System.currentTimeMillis() + 364L * 24 * 3600 * 1000));

    // as if the instance had ended a year ago: its removal time is yesterday
    Date yesterday = new Date(System.currentTimeMillis() - 24L * 3600 * 1000);
    historyService.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(yesterday)
        .byIds(expired.getId()).hierarchical().executeAsync();
    awaitJobs();
    assertThat(ended(expired).getRemovalTime()).isEqualTo(yesterday);

    historyService.cleanUpHistoryAsync(true);
    awaitJobs();

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(expired.getId()).count())
        .as("the expired instance's history is deleted").isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(expired.getId()).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(expired.getId()).count()).isZero();
    assertThat(ended(recent)).as("the recent instance's history stays").isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(recent.getId()).count()).isPositive();
    // a run asked for now leaves the nightly one in place
    assertScheduledInTheNightlyWindow();
  }

  private HistoricProcessInstance ended(ProcessInstance instance) {
    HistoricProcessInstance historic =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(historic.getEndTime()).as("ended: the course is not eligible").isNotNull();
    return historic;
  }

  private ProcessInstance applyAsTeacher(java.util.Map<String, Object> application) {
    identityService.setAuthentication("claire", List.of("teachers"));
    try {
      return runtimeService.startProcessInstanceByKey(LabellingProcess.PROCESS_KEY, application);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
