package org.pedaflow.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pedaflow.platform.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * The two parameters of a mail step ({@code mailTemplate}, {@code mailTo}), read from the model.
 *
 * <p>Designers set them as input parameters in Camunda Modeler, as for any step. The engine would
 * turn each one into a local variable of the step (with {@code full} history: a variable, its
 * history and a history detail written, then deleted, for every mail). They are constants and
 * expressions of the model, with nothing to audit, so this parse listener takes these two out of
 * the step's input mapping and keeps them on the step; {@link SendMailDelegate} evaluates them when
 * it runs. Any other input parameter of the step stays a variable as usual.
 */
@Component
public class MailStepParameters extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "pedaflow.mailStepParameters";
  private static final String MAIL_STEP = "${sendMail}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngineListeners(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String delegate = serviceTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression");
        if (MAIL_STEP.equals(delegate == null ? null : delegate.strip())) {
          activity.setProperty(PROPERTY, Boolean.TRUE);
        }
      }

      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        // the input mapping is parsed after parseServiceTask: take the parameters out once the whole process is parsed
        moveParameters(processDefinition);
      }
    });
  }

  private static void moveParameters(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      if (Boolean.TRUE.equals(activity.getProperty(PROPERTY))) {
        activity.setProperty(PROPERTY, takeOut(activity));
      }
      moveParameters(activity);
    }
  }

  private static Values takeOut(ActivityImpl activity) {
    IoMapping mapping = activity.getIoMapping();
    ParameterValueProvider template = null;
    ParameterValueProvider to = null;
    if (mapping != null) {
      List<InputParameter> kept = new ArrayList<>();
      for (InputParameter parameter : mapping.getInputParameters()) {
        switch (parameter.getName()) {
          case SendMailDelegate.TEMPLATE -> template = parameter.getValueProvider();
          case SendMailDelegate.TO -> to = parameter.getValueProvider();
          default -> kept.add(parameter);
        }
      }
      mapping.setInputParameters(kept);
      if (kept.isEmpty() && (mapping.getOutputParameters() == null || mapping.getOutputParameters().isEmpty())) {
        activity.setIoMapping(null);
      }
    }
    return new Values(template, to);
  }

  /** The parameters of one mail step, evaluated in the scope of the execution that runs it. */
  record Values(ParameterValueProvider template, ParameterValueProvider to) {

    /** A step the listener did not prepare: the parameters are variables, as the engine made them. */
    static final Values FROM_VARIABLES = new Values(null, null);

    Object template(VariableScope scope) {
      return template == null ? scope.getVariable(SendMailDelegate.TEMPLATE) : template.getValue(scope);
    }

    Object to(VariableScope scope) {
      return to == null ? scope.getVariable(SendMailDelegate.TO) : to.getValue(scope);
    }
  }
}
