package org.pedaflow.labelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The eligibility table {@code hybrid-label-eligibility} at its edges: 20 ≤ share at a distance ≤ 80. */
class HybridLabelEligibilityDecisionTest {

  private static final String RESOURCE = "processes/hybrid-label-eligibility.dmn";

  private static DmnModelInstance model;
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    try (InputStream in = HybridLabelEligibilityDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      model = Dmn.readModelFromStream(in);
    }
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    decision = dmnEngine.parseDecision(LabellingProcess.DECISION_KEY, model);
  }

  @ParameterizedTest(name = "{0} % à distance → éligible : {1}")
  @CsvSource({
      "0, false, inférieure à 20 %",
      "19, false, inférieure à 20 %",
      "20, true, comprise entre 20 % et 80 %",
      "50, true, comprise entre 20 % et 80 %",
      "80, true, comprise entre 20 % et 80 %",
      "81, false, dépasse 80 %",
      "100, false, dépasse 80 %"})
  void eligibleFromTwentyToEightyPercentInclusive(int distanceSharePercent, boolean eligible, String reason) {
    DmnDecisionResultEntries result = dmnEngine
        .evaluateDecision(decision, Map.of(LabellingProcess.Variables.DISTANCE_SHARE_PERCENT, distanceSharePercent))
        .getSingleResult();

    assertThat(result.<Boolean>getEntry(LabellingProcess.Variables.ELIGIBLE)).isEqualTo(eligible);
    assertThat(result.<String>getEntry(LabellingProcess.Variables.ELIGIBILITY_REASON)).contains(reason);
  }

  @Test
  void tableIsUniqueWithAFrenchAnnotationOnEveryRuleAndAHistoryTimeToLive() {
    Decision definition = model.getModelElementById(LabellingProcess.DECISION_KEY);
    DecisionTable table = (DecisionTable) definition.getExpression();

    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(table.getRules()).hasSize(3).allSatisfy((Rule rule) ->
        assertThat(rule.getDescription().getTextContent()).isNotBlank().contains("distance"));
    assertThat(definition.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
  }
}
