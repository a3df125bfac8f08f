package org.pedaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.pedaflow.rules.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the shape of the variables of a start or a task completion before Camunda reads them, so
 * that what Camunda would refuse in English, or the database with an SQL error (a text longer than
 * its column), is answered 400 with a French message naming the variable, and nothing reaches the
 * engine: malformed JSON, a value that is not of its declared type, a type this platform does not
 * accept (serialized objects, files, Json/Xml without Spin), a text over {@value Inputs#MAX_TEXT_LENGTH}
 * characters. The business rules of each process (SPEC §3) are checked afterwards by the engine.
 */
public class VariablesCheckFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(VariablesCheckFilter.class);

  /** Biggest request body read; far above any form of the three processes. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** The variable types a client may send: Tasklist's primitive types and Null. */
  static final Set<String> ACCEPTED_TYPES = Set.of("String", "Boolean", "Integer", "Long", "Short", "Double", "Date", "Null");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !InputEndpoints.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusal refusal;
    byte[] body = new byte[0];
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refusal = new Refusal(null, "la requête est trop volumineuse");
    } else {
      body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      refusal = body.length > MAX_BODY_BYTES ? new Refusal(null, "la requête est trop volumineuse") : check(body);
    }
    if (refusal == null) {
      chain.doFilter(new CachedBodyRequest(request, body, null), response);
    } else {
      // The webapps' login and CSRF checks come after this filter: the refusal takes effect only
      // when the request gets that far and its body is read (see RuleViolationResponseFilter).
      LOG.info("Requête refusée sur {} : {}", request.getRequestURI(), refusal.reason());
      chain.doFilter(new CachedBodyRequest(request, body, refusal), response);
    }
  }

  /** What is wrong with the body, or null when Camunda may read it. */
  static Refusal check(byte[] body) {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return new Refusal(null, "le corps de la requête n'est pas un document JSON valide");
    } catch (IOException e) {
      return new Refusal(null, "le corps de la requête n'a pas pu être lu");
    }
    if (root == null || !root.isObject()) {
      return new Refusal(null, "un objet JSON est attendu");
    }
    JsonNode variables = root.get("variables");
    if (variables == null || variables.isNull()) {
      return null;
    }
    if (!variables.isObject()) {
      return new Refusal(null, "« variables » doit être un objet JSON {\"nom\": {\"value\": ...}}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String reason = checkVariable(variable.getValue());
      if (reason != null) {
        String name = printable(variable.getKey());
        return new Refusal(name, "variable « " + name + " » : " + reason);
      }
    }
    return null;
  }

  private static String checkVariable(JsonNode variable) {
    if (!variable.isObject()) {
      return "un objet {\"value\": ..., \"type\": ...} est attendu";
    }
    JsonNode typeNode = variable.get("type");
    JsonNode value = variable.get("value");
    if (typeNode != null && !typeNode.isNull() && !typeNode.isTextual()) {
      return "le type doit être un texte";
    }
    String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText();
    if (type != null && !ACCEPTED_TYPES.contains(capitalized(type))) {
      return "le type « " + printable(type) + " » n'est pas accepté (types acceptés : String, Boolean, Integer, Long, "
          + "Short, Double, Date, Null)";
    }
    if (value == null || value.isNull()) {
      return null;
    }
    if (type == null) {
      return checkUntyped(value);
    }
    return switch (capitalized(type)) {
      case "String" -> checkText(value);
      case "Integer" -> checkWhole(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "un nombre entier (Integer)");
      case "Long" -> checkWhole(value, Long.MIN_VALUE, Long.MAX_VALUE, "un nombre entier (Long)");
      case "Short" -> checkWhole(value, Short.MIN_VALUE, Short.MAX_VALUE, "un nombre entier (Short)");
      case "Double" -> checkDecimal(value);
      case "Boolean" -> checkBoolean(value);
      case "Date" -> value.isTextual() ? null : "une date (texte au format AAAA-MM-JJThh:mm:ss.SSS+0000) est attendue";
      default -> null; // Null
    };
  }

  private static String checkUntyped(JsonNode value) {
    if (value.isTextual()) {
      return checkText(value);
    }
    if (value.isBoolean()) {
      return null;
    }
    if (value.isNumber()) {
      if (value.isIntegralNumber() && !value.canConvertToLong()) {
        return "le nombre est trop grand";
      }
      return value.isBigDecimal() && !Double.isFinite(value.doubleValue()) ? "le nombre est trop grand" : null;
    }
    return "une valeur simple (texte, nombre, oui/non) est attendue";
  }

  private static String checkText(JsonNode value) {
    if (value.isContainerNode()) {
      return "un texte est attendu";
    }
    if (value.asText().length() > Inputs.MAX_TEXT_LENGTH) {
      return "le texte ne doit pas dépasser " + Inputs.MAX_TEXT_LENGTH + " caractères";
    }
    return null;
  }

  private static String checkWhole(JsonNode value, long min, long max, String expected) {
    BigDecimal number = number(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      return expected + " est attendu";
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      return "le nombre est hors des limites du type";
    }
    return null;
  }

  private static String checkDecimal(JsonNode value) {
    BigDecimal number = number(value);
    if (number == null || !Double.isFinite(number.doubleValue())) {
      return "un nombre (Double) est attendu";
    }
    return null;
  }

  private static String checkBoolean(JsonNode value) {
    if (value.isBoolean() || (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false")))) {
      return null;
    }
    return "oui ou non (true/false) est attendu";
  }

  private static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Camunda reads type names case-insensitively on the first letter ("integer" is Integer). */
  private static String capitalized(String type) {
    return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  /** A name echoed in a message: short, without control characters. */
  private static String printable(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }

  /** Why the variables are refused: the variable at fault (or null) and a French reason. */
  record Refusal(String field, String reason) {

    String message() {
      return "Requête invalide : " + reason + ".";
    }
  }

  /**
   * The request with its body already read, for Camunda to read again; or, when the body is refused,
   * a request whose body cannot be read: reading it records the refusal and fails.
   */
  static final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final Refusal refusal;

    CachedBodyRequest(HttpServletRequest request, byte[] body, Refusal refusal) {
      super(request);
      this.body = body;
      this.refusal = refusal;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (refusal != null) {
        EngineErrorAnswers.refused(this, refusal);
        throw new RefusedBodyException(refusal.message());
      }
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      if (refusal != null) {
        return super.getContentLength();
      }
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      if (refusal != null) {
        return super.getContentLengthLong();
      }
      return body.length;
    }
  }

  /** Reading a refused body fails with this; the refusal itself is answered by RuleViolationResponseFilter. */
  static final class RefusedBodyException extends IOException {

    RefusedBodyException(String message) {
      super(message);
    }
  }
}
