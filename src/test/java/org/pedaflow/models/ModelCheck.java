package org.pedaflow.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The model check: reads every BPMN and DMN of {@code processes/} and every form of {@code forms/}
 * under a root folder and reports, in words a designer understands, what would break a model in
 * Camunda Modeler, in Tasklist or in the engine. See {@code docs/models.md} for the list of rules.
 */
public final class ModelCheck {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String PLATFORM = "Camunda Platform";
  static final String PLATFORM_VERSION = "7.24.0";
  static final String SPEC_TABLE = "src/test/resources/models/spec-variables.md";

  private static final Pattern TIMER_WITHOUT_DEFAULT = Pattern.compile("timers\\.get\\(\\s*'([^']+)'\\s*\\)");
  private static final Pattern FIRST_IDENTIFIER = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)");

  private final Path root;
  private final Path mailTemplates;
  private final Path applicationYaml;
  private final SpecVariables spec;
  private final SpringBeans beans;
  private final List<Finding> findings = new ArrayList<>();
  private final Forms forms;
  private final Decisions decisions;
  /** False when a BPMN file could not be read: its forms would look unused. */
  private boolean allProcessesRead = true;

  private ModelCheck(Path root, Path sourceRoot, Path resourceRoot, SpecVariables spec) {
    this.root = root;
    this.mailTemplates = resourceRoot.resolve("templates/mail");
    this.applicationYaml = resourceRoot.resolve("application.yaml");
    this.spec = spec;
    this.beans = SpringBeans.scan(sourceRoot);
    this.forms = new Forms(this);
    this.decisions = new Decisions(this);
  }

  /**
   * Checks the models under {@code root} ({@code root/processes}, {@code root/forms}) against the
   * SPEC table, looking for Spring beans in the Java sources under {@code sourceRoot} and for mail
   * templates in {@code resourceRoot/templates/mail/}.
   */
  public static List<Finding> check(Path root, Path sourceRoot, Path resourceRoot, SpecVariables spec) {
    ModelCheck check = new ModelCheck(root, sourceRoot, resourceRoot, spec);
    check.run();
    return List.copyOf(check.findings);
  }

  private void run() {
    list("forms", ".form").forEach(file -> forms.read(file, relative(file)));
    list("processes", ".dmn").forEach(file -> decisions.read(file, relative(file)));
    list("processes", ".bpmn").forEach(this::checkBpmn);
    forms.checkUses(allProcessesRead);
  }

  // ---------------------------------------------------------------- shared

  void add(String file, String element, String problem, String fix) {
    findings.add(new Finding(file, element, problem, fix));
  }

  SpecVariables spec() {
    return spec;
  }

  String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private List<Path> list(String folder, String extension) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(extension) && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static void checkPlatform(ModelCheck check, String file, ModelElementInstance definitions) {
    String platform = definitions.getAttributeValueNs(MODELER_NS, "executionPlatform");
    String version = definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion");
    if (!PLATFORM.equals(platform) || !PLATFORM_VERSION.equals(version)) {
      check.add(file, "fichier", "la plateforme d'exécution est « " + platform + " " + version + " » au lieu de « "
          + PLATFORM + " " + PLATFORM_VERSION + " »",
          "Dans Camunda Modeler, cliquez sur la plateforme affichée en bas à gauche de la fenêtre et choisissez "
              + "Camunda 7 / " + PLATFORM_VERSION + " (attributs modeler:executionPlatform=\"" + PLATFORM
              + "\" et modeler:executionPlatformVersion=\"" + PLATFORM_VERSION + "\").");
    }
  }

  // ---------------------------------------------------------------- element descriptions

  static String describe(ModelElementInstance element) {
    String kind = kind(element);
    String name = element.getAttributeValue("name");
    String id = element.getAttributeValue("id");
    StringBuilder text = new StringBuilder(kind);
    if (!blank(name)) {
      text.append(" « ").append(name.replaceAll("\\s+", " ").trim()).append(" »");
    }
    if (id != null) {
      text.append(" (").append(id).append(")");
    }
    if (element instanceof SequenceFlow flow && flow.getSource() != null && flow.getTarget() != null) {
      text.append(" de ").append(shortName(flow.getSource())).append(" vers ").append(shortName(flow.getTarget()));
    }
    return text.toString();
  }

  private static String shortName(FlowNode node) {
    return blank(node.getName()) ? node.getId() : "« " + node.getName().replaceAll("\\s+", " ").trim() + " »";
  }

  private static String kind(ModelElementInstance element) {
    if (element instanceof UserTask) return "tâche utilisateur";
    if (element instanceof ServiceTask) return "tâche de service";
    if (element instanceof SendTask) return "tâche d'envoi";
    if (element instanceof BusinessRuleTask) return "tâche de règle métier";
    if (element instanceof ScriptTask) return "tâche de script";
    if (element instanceof Task) return "tâche";
    if (element instanceof SubProcess) return "sous-processus";
    if (element instanceof CallActivity) return "activité d'appel";
    if (element instanceof StartEvent) return "événement de début";
    if (element instanceof EndEvent) return "événement de fin";
    if (element instanceof BoundaryEvent) return "événement attaché";
    if (element instanceof IntermediateCatchEvent || element instanceof IntermediateThrowEvent) return "événement intermédiaire";
    if (element instanceof ExclusiveGateway) return "passerelle exclusive";
    if (element instanceof ParallelGateway) return "passerelle parallèle";
    if (element instanceof InclusiveGateway) return "passerelle inclusive";
    if (element instanceof EventBasedGateway) return "passerelle basée sur les événements";
    if (element instanceof SequenceFlow) return "flux";
    if (element instanceof Process) return "processus";
    if (element instanceof Participant) return "bassin";
    if (element instanceof Lane) return "couloir";
    if (element instanceof TextAnnotation) return "annotation";
    return element.getElementType().getTypeName();
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }

  // ---------------------------------------------------------------- BPMN

  private void checkBpmn(Path path) {
    String file = relative(path);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(path.toFile());
    } catch (RuntimeException e) {
      allProcessesRead = false;
      add(file, "fichier", "illisible : " + rootMessage(e),
          "Ouvrez-le dans Camunda Modeler ; s'il ne s'ouvre pas, reprenez sa dernière version du dépôt (git).");
      return;
    }
    checkPlatform(this, file, model.getDefinitions());
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        add(file, describe(process), "pas de durée de conservation de l'historique (historyTimeToLive)",
            "Dans Modeler, sélectionnez le processus (le bassin), section « History cleanup », champ « Time to live » : P365D.");
      }
      if (!process.isExecutable()) {
        add(file, describe(process), "le processus n'est pas exécutable",
            "Dans Modeler, sélectionnez le processus (le bassin) et cochez « Executable ».");
      }
      if (!spec.knowsProcess(process.getId())) {
        add(file, describe(process), "ce processus n'a pas de variables dans la table de la SPEC",
            "Ajoutez une section « ## " + process.getId() + " » à " + SPEC_TABLE
                + " (variables de la SPEC §3), ou corrigez l'id du processus (la clé de la SPEC).");
      }
    }
    checkDiagram(file, model);
    checkNames(file, model);
    checkFormRefs(file, model);
    checkOutsideCalls(file, model);
    checkBeanReferences(file, model, model.getDocument().getRootElement());
    checkMailSteps(file, model);
    checkTimerKeys(file, model);
    checkBusinessRuleTasks(file, model);
    checkSpecTasksExist(file, model);
  }

  /** Every flow node, pool and lane drawn; every sequence flow drawn with its waypoints; no overlap. */
  private void checkDiagram(String file, BpmnModelInstance model) {
    Map<String, BpmnShape> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        shapes.put(shape.getBpmnElement().getId(), shape);
      }
    }
    Map<String, BpmnEdge> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        edges.put(edge.getBpmnElement().getId(), edge);
      }
    }
    List<BaseElement> drawable = new ArrayList<>();
    drawable.addAll(model.getModelElementsByType(FlowNode.class));
    drawable.addAll(model.getModelElementsByType(Participant.class));
    drawable.addAll(model.getModelElementsByType(Lane.class));
    for (BaseElement element : drawable) {
      BpmnShape shape = shapes.get(element.getId());
      if (shape == null || shape.getBounds() == null) {
        add(file, describe(element), "n'a pas de forme dans le diagramme (BPMNShape) : Camunda Modeler ne l'affiche pas",
            "Modeler ne peut ni le montrer ni le supprimer : reprenez la version précédente du fichier (git) et refaites "
                + "la modification dans Modeler, ou faites ajouter <bpmndi:BPMNShape bpmnElement=\"" + element.getId()
                + "\"> avec ses dc:Bounds dans le fichier.");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = edges.get(flow.getId());
      if (edge == null || edge.getWaypoints().size() < 2) {
        add(file, describe(flow), "n'a pas de flèche dans le diagramme (BPMNEdge avec au moins deux points)",
            "Modeler ne le montre pas : reprenez la version précédente du fichier (git) et refaites la modification dans "
                + "Modeler, ou faites ajouter <bpmndi:BPMNEdge bpmnElement=\"" + flow.getId() + "\"> avec ses di:waypoint.");
      }
    }
    checkOverlaps(file, model.getModelElementsByType(BpmnShape.class));
  }

  private void checkOverlaps(String file, Collection<BpmnShape> allShapes) {
    List<BpmnShape> shapes = allShapes.stream()
        .filter(s -> s.getBounds() != null && s.getBpmnElement() != null)
        .filter(s -> s.getBpmnElement() instanceof FlowNode || s.getBpmnElement() instanceof TextAnnotation
            || s.getBpmnElement() instanceof DataObjectReference || s.getBpmnElement() instanceof DataStoreReference)
        .toList();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        if (shapes.get(i).getParentElement() != shapes.get(j).getParentElement()) {
          continue;  // drawn on different planes (a collapsed sub-process has its own)
        }
        BaseElement a = shapes.get(i).getBpmnElement();
        BaseElement b = shapes.get(j).getBpmnElement();
        if (attachedOrContained(a, b) || attachedOrContained(b, a) || !overlap(shapes.get(i).getBounds(), shapes.get(j).getBounds())) {
          continue;
        }
        add(file, describe(a) + " et " + describe(b), "les deux formes se chevauchent dans le diagramme",
            "Dans Modeler, déplacez l'un des deux éléments pour que leurs formes ne se recouvrent plus.");
      }
    }
  }

  /** A boundary event sits on its activity's border; an expanded sub-process contains its elements. */
  private static boolean attachedOrContained(BaseElement inner, BaseElement outer) {
    if (inner instanceof BoundaryEvent boundary && boundary.getAttachedTo() == outer) {
      return true;
    }
    for (ModelElementInstance parent = inner.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == outer) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  /** Names on activities, events and deciding exclusive gateways, and on the answers leaving them. */
  private void checkNames(String file, BpmnModelInstance model) {
    for (Activity activity : model.getModelElementsByType(Activity.class)) {
      if (blank(activity.getName())) {
        add(file, describe(activity), "la tâche n'a pas de nom",
            "Dans Modeler, donnez-lui un nom en français : un verbe et un objet (« Approuver le budget »).");
      }
    }
    for (Event event : model.getModelElementsByType(Event.class)) {
      if (blank(event.getName())) {
        add(file, describe(event), "l'événement n'a pas de nom",
            "Dans Modeler, donnez-lui un nom en français : l'état atteint (« Label attribué », « 60 jours sans livraison »).");
      }
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() < 2) {
        continue;  // a joining gateway asks nothing: by convention it has no name
      }
      if (blank(gateway.getName())) {
        add(file, describe(gateway), "la passerelle qui choisit un chemin n'a pas de nom",
            "Dans Modeler, nommez-la par une question en français (« Budget approuvé ? »).");
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        if (blank(flow.getName())) {
          add(file, describe(flow), "le chemin qui sort de la passerelle " + shortName(gateway) + " n'a pas de nom",
              "Dans Modeler, nommez ce flux par la réponse à la question de la passerelle (« Oui », « Non », « Réviser »).");
        }
      }
    }
  }

  /** User tasks and none start events: a linked Camunda Form bound to the deployment; tasks: a due date and people. */
  private void checkFormRefs(String file, BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkFormRef(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), task.getCamundaFormKey(), task.getId());
      if (blank(task.getCamundaDueDate())) {
        add(file, describe(task), "la tâche n'a pas d'échéance (due date)",
            "Dans Modeler, section « User assignment », champ « Due date » : par exemple ${dateTime().plusDays(7).toDate()}.");
      }
      if (blank(task.getCamundaAssignee()) && blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaCandidateUsers())) {
        add(file, describe(task), "personne ne peut faire la tâche (ni « Assignee » ni « Candidate groups »)",
            "Dans Modeler, section « User assignment » : le groupe candidat ou la personne que la SPEC donne à cette tâche.");
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
        checkFormRef(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), start.getCamundaFormKey(),
            SpecVariables.START);
      }
    }
  }

  private void checkFormRef(String file, FlowNode node, String formRef, String binding, String formKey, String step) {
    String element = describe(node);
    if (blank(formRef)) {
      add(file, element, "pas de formulaire Camunda lié (camunda:formRef)" + (blank(formKey) ? "" : " ; un formKey « " + formKey + " » est utilisé à la place"),
          "Dans Modeler, section « Form », type « Camunda Forms », « Form reference » = l'id d'un formulaire de forms/, "
              + "« Binding » = deployment.");
      return;
    }
    if (!"deployment".equals(binding)) {
      add(file, element, "le formulaire « " + formRef + " » est lié avec « " + (binding == null ? "latest (par défaut)" : binding)
          + " » au lieu de « deployment »",
          "Dans Modeler, section « Form », « Binding » = deployment : le formulaire reste celui déployé avec ce modèle.");
    }
    if (!forms.exists(formRef)) {
      add(file, element, "le formulaire « " + formRef + " » n'existe pas (fichier forms/" + formRef + ".form introuvable)",
          "Créez forms/" + formRef + ".form dans Modeler (Camunda Form, Camunda 7) avec l'id « " + formRef
              + " », ou corrigez « Form reference » (formulaires existants : " + String.join(", ", forms.ids()) + ").");
      return;
    }
    Process process = processOf(node);
    forms.use(formRef, process == null ? "?" : process.getId(), step, file, element);
  }

  /** Service-like steps that call the outside: a save point before them and a retry cycle. */
  private void checkOutsideCalls(String file, BpmnModelInstance model) {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      ModelElementInstance implementation = implementationHolder(node);
      if (implementation == null) {
        continue;
      }
      boolean javaCall = implementation.getAttributeValueNs(CAMUNDA_NS, "class") != null
          || implementation.getAttributeValueNs(CAMUNDA_NS, "delegateExpression") != null
          || implementation.getAttributeValueNs(CAMUNDA_NS, "expression") != null
          || hasExtension(implementation, CamundaConnector.class);
      boolean external = "external".equals(implementation.getAttributeValueNs(CAMUNDA_NS, "type"));
      if (!javaCall && !external) {
        if ((node instanceof ServiceTask || node instanceof SendTask)) {
          add(file, describe(node), "la tâche n'a pas d'implémentation (le moteur refuserait le déploiement)",
              "Dans Modeler, appliquez un modèle d'élément (« Template », par exemple « Envoyer un e-mail ») ou "
                  + "choisissez « Delegate expression » avec le nom d'un bean, ex. ${sendMail}.");
        }
        continue;
      }
      if (external) {
        continue;  // an external task is fetched by a worker: it is a wait state already
      }
      if (!node.isCamundaAsyncBefore() && !"true".equals(node.getAttributeValueNs(CAMUNDA_NS, "async"))) {
        add(file, describe(node), "pas de point de sauvegarde avant l'appel (asyncBefore) : une panne ferait échouer l'étape précédente",
            "Dans Modeler, section « Asynchronous continuations », cochez « Before ».");
      }
      String cycle = retryCycle(node);
      if (blank(cycle)) {
        add(file, describe(node), "pas de cycle de nouvelles tentatives (failedJobRetryTimeCycle) : en cas d'erreur, "
                + "trois essais immédiats puis un incident",
            "Dans Modeler, section « Job execution », champ « Retry time cycle » : R3/PT5M (trois essais espacés de cinq minutes).");
      }
    }
  }

  /** The element that carries camunda:class/delegateExpression/expression for this node, or null. */
  private static ModelElementInstance implementationHolder(FlowNode node) {
    if (node instanceof ServiceTask || node instanceof SendTask) {
      return node;
    }
    if (node instanceof BusinessRuleTask task) {
      return task.getCamundaDecisionRef() == null ? task : null;
    }
    if (node instanceof ThrowEvent event) {
      return event.getEventDefinitions().stream().filter(d -> d instanceof MessageEventDefinition).findFirst().orElse(null);
    }
    return null;
  }

  private static boolean hasExtension(ModelElementInstance element, Class<? extends ModelElementInstance> type) {
    if (!(element instanceof BaseElement base) || base.getExtensionElements() == null) {
      return false;
    }
    return !base.getExtensionElements().getElementsQuery().filterByType(type).list().isEmpty();
  }

  private static String retryCycle(FlowNode node) {
    ExtensionElements extensions = node.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
        .map(ModelElementInstance::getTextContent).filter(text -> !blank(text)).findFirst().orElse(null);
  }

  /** Every camunda:delegateExpression names a Spring bean; every camunda:class a class that exists. */
  private void checkBeanReferences(String file, BpmnModelInstance model, DomElement element) {
    String delegateExpression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (delegateExpression != null) {
      Matcher name = FIRST_IDENTIFIER.matcher(delegateExpression);
      if (!name.find()) {
        add(file, owner(model, element), "l'expression « " + delegateExpression + " » ne nomme pas de bean",
            "Écrivez « Delegate expression » sous la forme ${nomDuBean}, par exemple ${sendMail}.");
      } else if (!beans.hasBean(name.group(1))) {
        add(file, owner(model, element), "le bean « " + name.group(1) + " » de « " + delegateExpression
                + " » n'existe pas dans l'application (src/main/java)",
            "Corrigez le nom (beans connus : " + String.join(", ", beans.names()) + "), ou demandez aux développeurs "
                + "d'écrire ce bean avant de déployer le modèle.");
      }
    }
    String className = element.getAttribute(CAMUNDA_NS, "class");
    if (className != null && !beans.hasClass(className.trim())) {
      add(file, owner(model, element), "la classe « " + className + " » n'existe pas",
          "Préférez « Delegate expression » ${nomDuBean} ; sinon corrigez le nom complet de la classe.");
    }
    for (DomElement child : element.getChildElements()) {
      checkBeanReferences(file, model, child);
    }
  }

  /** The generic mail step: a recipient, and a template folder that exists with its three files. */
  private void checkMailSteps(String file, BpmnModelInstance model) {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!"${sendMail}".equals(node.getAttributeValueNs(CAMUNDA_NS, "delegateExpression"))) {
        continue;
      }
      Map<String, String> inputs = new HashMap<>();
      if (node.getExtensionElements() != null) {
        for (CamundaInputOutput io : node.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
          io.getCamundaInputParameters().forEach(input -> inputs.put(input.getCamundaName(), input.getTextContent().trim()));
        }
      }
      String template = inputs.get("mailTemplate");
      if (blank(template)) {
        add(file, describe(node), "l'e-mail n'a pas de modèle (paramètre d'entrée mailTemplate)",
            "Dans Modeler, appliquez le modèle d'élément « Envoyer un e-mail (Pedaflow) » et remplissez « Modèle d'e-mail ».");
      } else if (!template.contains("${") && !template.contains("#{")
          && Stream.of("subject.txt", "body.txt", "body.html").anyMatch(f -> !Files.isRegularFile(mailTemplates.resolve(template).resolve(f)))) {
        add(file, describe(node), "le modèle d'e-mail « " + template + " » n'existe pas (dossier templates/mail/" + template
                + "/ avec subject.txt, body.txt et body.html)",
            "Corrigez « Modèle d'e-mail » (modèles existants : " + String.join(", ", existingMailTemplates())
                + "), ou demandez aux développeurs d'écrire ce modèle.");
      }
      if (blank(inputs.get("mailTo"))) {
        add(file, describe(node), "l'e-mail n'a pas de destinataire (paramètre d'entrée mailTo)",
            "Dans Modeler, remplissez « Destinataire » : une adresse, un identifiant, group:<groupe> ou ${teacherEmail}.");
      }
    }
  }

  /** {@code ${timers.get('key')}} without a default needs {@code pedaflow.timers.key} in application.yaml. */
  private void checkTimerKeys(String file, BpmnModelInstance model) {
    Map<ModelElementInstance, String> expressions = new LinkedHashMap<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      Stream.of(timer.getTimeDuration(), timer.getTimeCycle(), timer.getTimeDate()).filter(e -> e != null)
          .forEach(e -> expressions.merge(timer.getParentElement(), e.getTextContent(), String::concat));
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Stream.of(task.getCamundaDueDate(), task.getCamundaFollowUpDate()).filter(e -> e != null)
          .forEach(e -> expressions.merge(task, e, String::concat));
    }
    String configuration = readQuietly(applicationYaml);
    expressions.forEach((element, text) -> {
      Matcher key = TIMER_WITHOUT_DEFAULT.matcher(text);
      while (key.find()) {
        if (!configuration.contains("[" + key.group(1) + "]")) {
          add(file, describe(element), "le délai « " + key.group(1) + " » n'est pas configuré (pedaflow.timers dans application.yaml) : "
                  + "le minuteur échouerait",
              "Écrivez ${timers.get('" + key.group(1) + "', 'P7D')} avec une valeur par défaut, et demandez aux développeurs "
                  + "d'ajouter la clé à application.yaml.");
        }
      }
    });
  }

  private static String readQuietly(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> existingMailTemplates() {
    if (!Files.isDirectory(mailTemplates)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(mailTemplates)) {
      return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nearest model element with an id around a DOM element (a listener belongs to its task). */
  private static String owner(BpmnModelInstance model, DomElement element) {
    for (DomElement current = element; current != null; current = current.getParentElement()) {
      String id = current.getAttribute("id");
      if (id != null && model.getModelElementById(id) != null) {
        String description = describe(model.getModelElementById(id));
        return current == element ? description : description + ", " + element.getLocalName();
      }
    }
    return element.getLocalName();
  }

  /** Business rule tasks: the decision exists, and reads only variables the process has at that point. */
  private void checkBusinessRuleTasks(String file, BpmnModelInstance model) {
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String decisionRef = task.getCamundaDecisionRef();
      if (decisionRef == null) {
        continue;
      }
      if (!decisions.exists(decisionRef)) {
        add(file, describe(task), "la décision « " + decisionRef + " » n'existe dans aucun fichier .dmn de processes/",
            "Corrigez « Decision reference » (décisions existantes : " + String.join(", ", decisions.ids()) + ").");
        continue;
      }
      Process process = processOf(task);
      decisions.checkInputs(decisionRef, process.getId(), describe(task), availableVariables(process, task));
    }
  }

  /**
   * The variables an instance has when it reaches {@code node}: the SPEC's start and process
   * variables, the initiator, and what every step that can run before it sets (its SPEC variables,
   * its decision result, its output parameters).
   */
  private Set<String> availableVariables(Process process, FlowNode node) {
    String key = process.getId();
    Set<String> variables = new TreeSet<>();
    variables.addAll(spec.variables(key, SpecVariables.START).keySet());
    variables.addAll(spec.variables(key, SpecVariables.PROCESS).keySet());
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      if (!blank(start.getCamundaInitiator())) {
        variables.add(start.getCamundaInitiator());
      }
    }
    for (FlowNode before : upstream(node)) {
      variables.addAll(spec.variables(key, before.getId()).keySet());
      if (before instanceof BusinessRuleTask rule && !blank(rule.getCamundaResultVariable())) {
        variables.add(rule.getCamundaResultVariable());
      }
      if (before.getExtensionElements() != null) {
        for (CamundaInputOutput io : before.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
          for (CamundaOutputParameter output : io.getCamundaOutputParameters()) {
            variables.add(output.getCamundaName());
          }
        }
      }
    }
    return variables;
  }

  /** Every node from which {@code node} can be reached (excluding itself unless it is in a loop). */
  private static Set<FlowNode> upstream(FlowNode node) {
    Set<FlowNode> seen = new HashSet<>();
    Deque<FlowNode> todo = new ArrayDeque<>(predecessors(node));
    while (!todo.isEmpty()) {
      FlowNode current = todo.pop();
      if (seen.add(current)) {
        todo.addAll(predecessors(current));
      }
    }
    seen.remove(node);
    return seen;
  }

  private static List<FlowNode> predecessors(FlowNode node) {
    List<FlowNode> result = new ArrayList<>();
    node.getIncoming().forEach(flow -> result.add(flow.getSource()));
    if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      result.add(boundary.getAttachedTo());
    }
    if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess subProcess) {
      result.add(subProcess);
    }
    return result;
  }

  /** Every task key of the SPEC table is an element of the process (a renamed id breaks code and tests). */
  private void checkSpecTasksExist(String file, BpmnModelInstance model) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      Set<String> ids = process.getFlowElements().stream().map(BaseElement::getId).collect(Collectors.toSet());
      model.getModelElementsByType(FlowNode.class).stream().filter(n -> processOf(n) == process).forEach(n -> ids.add(n.getId()));
      for (String step : spec.steps(process.getId())) {
        if (!step.equals(SpecVariables.START) && !step.equals(SpecVariables.PROCESS) && !ids.contains(step)) {
          add(file, describe(process), "la SPEC nomme l'étape « " + step + " », qui n'est pas dans le processus",
              "Dans Modeler, l'id de la tâche doit être exactement « " + step + " » (champ « ID ») : le code et les tests s'en servent.");
        }
      }
    }
  }

}
