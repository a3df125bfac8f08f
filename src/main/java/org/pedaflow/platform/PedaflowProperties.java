package org.pedaflow.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code pedaflow.*} in application.yaml. */
@ConfigurationProperties(prefix = "pedaflow")
public class PedaflowProperties {

  private Path dataDir = Path.of("./data");
  private String baseUrl = "http://localhost:8080";
  private boolean demoUsers = false;
  private final Mail mail = new Mail();
  private final Admin admin = new Admin();
  private Map<String, String> timers = new LinkedHashMap<>();

  public Path getDataDir() { return dataDir; }
  public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
  public String getBaseUrl() { return baseUrl; }
  public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl.replaceAll("/+$", ""); }
  public boolean isDemoUsers() { return demoUsers; }
  public void setDemoUsers(boolean demoUsers) { this.demoUsers = demoUsers; }
  public Mail getMail() { return mail; }
  public Admin getAdmin() { return admin; }
  public Map<String, String> getTimers() { return timers; }
  public void setTimers(Map<String, String> timers) { this.timers = timers; }

  public Path outboxDir() { return dataDir.resolve("outbox"); }

  public static class Mail {
    private String from = "pedaflow@univ.example";
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
  }

  public static class Admin {
    private String id;
    private String password;
    /** Optional: where the administrator receives the mails of the requests they start. */
    private String email;
    public String getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public void setId(String id) { this.id = id; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
  }
}
