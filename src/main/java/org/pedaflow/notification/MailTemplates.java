package org.pedaflow.notification;

import java.util.Locale;
import java.util.Map;
import org.pedaflow.platform.Timers;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the e-mail templates of {@code templates/mail/<name>/}: {@code subject.txt},
 * {@code body.txt} (Thymeleaf text mode) and {@code body.html} (HTML mode). Besides the model, every
 * template may call the helpers {@code dates} ({@link FrenchDates}: {@code ${dates.longDate(startDate)}})
 * and {@code timers} (the configured delays: {@code ${timers.inFrench('labelling.revision-deadline', 'P30D')}}).
 */
@Component
public class MailTemplates {

  private static final String ROOT = "templates/mail/";
  private static final Locale FRENCH = Locale.FRANCE;

  private final TemplateEngine text = engine(TemplateMode.TEXT);
  private final TemplateEngine html = engine(TemplateMode.HTML);
  private final Timers timers;

  public MailTemplates(Timers timers) {
    this.timers = timers;
  }

  public RenderedMail render(String template, Map<String, Object> model) {
    if (template == null || !template.matches("[a-z0-9-]+") || !exists(template)) {
      throw new IllegalArgumentException("Modèle de courriel inconnu : « " + template + " » (attendu : un dossier de "
          + ROOT + " contenant subject.txt, body.txt et body.html)");
    }
    Context context = new Context(FRENCH, model);
    context.setVariable("dates", FrenchDates.IN_TEMPLATES);
    context.setVariable("timers", timers);
    String subject = text.process(template + "/subject.txt", context).strip().replaceAll("\\s+", " ");
    return new RenderedMail(subject, text.process(template + "/body.txt", context), html.process(template + "/body.html", context));
  }

  public boolean exists(String template) {
    return getClass().getClassLoader().getResource(ROOT + template + "/subject.txt") != null;
  }

  private static TemplateEngine engine(TemplateMode mode) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(ROOT);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    // Spring EL in the templates (${teacherName}, ${labelValidUntil}); no OGNL on the classpath
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** A rendered message: subject, plain text and HTML alternatives. */
  public record RenderedMail(String subject, String text, String html) {}
}
