package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;

/**
 * Guessing passwords does not pay (Camunda's login attempts, {@code login-*} in application.yaml):
 * each wrong password locks the login for a while (3 s, then longer, at most 60 s), during which
 * even the right password is refused; after ten wrong passwords the login stays locked until an
 * administrator unlocks it. Proven on the webapps' login form and on the REST API (HTTP Basic), with
 * users of this test only (the demo users are shared). The engine clock is moved instead of
 * waiting.
 */
class LoginLockoutTest extends PedaflowIntegrationTest {

  private static final String PASSWORD = "Cheval-Correct-2026!";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"rest", "webapp"})
  void wrongPasswordsLockTheLoginForAWhileThenUntilAnAdministratorUnlocksIt(String way) {
    String userId = "lockout-" + way;
    createUserIfMissing(userId);
    BiFunction<String, String, Integer> login = "rest".equals(way)
        ? (user, password) -> new Api(baseUrl() + "/engine-rest", user, password).get("/task/count").status()
        : (user, password) -> new WebappSession(baseUrl()).login("tasklist", user, password).status();
    Date now = new Date();
    ClockUtil.setCurrentTime(now);

    assertThat(login.apply(userId, PASSWORD)).as("right password").isEqualTo(200);
    assertThat(login.apply(userId, "guess-1")).as("wrong password").isEqualTo(401);
    Date lockedUntil = user(userId).getLockExpirationTime();
    assertThat(lockedUntil).as("locked for a while").isAfter(now).isBeforeOrEqualTo(new Date(now.getTime() + 60_000));
    assertThat(login.apply(userId, PASSWORD)).as("right password while locked").isEqualTo(401);

    ClockUtil.setCurrentTime(new Date(lockedUntil.getTime() + 1000));
    assertThat(login.apply(userId, PASSWORD)).as("right password once the lock has expired").isEqualTo(200);
    assertThat(user(userId).getAttempts()).as("a successful login forgets the failures").isZero();

    // ten wrong passwords, each after the previous lock expired: locked until an administrator acts
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(login.apply(userId, "guess-" + attempt)).isEqualTo(401);
      Date until = user(userId).getLockExpirationTime();
      System.out.printf("%s : mauvais mot de passe n° %d, compte verrouillé %d s%n", userId, attempt,
          (until.getTime() - ClockUtil.getCurrentTime().getTime()) / 1000);
      ClockUtil.setCurrentTime(new Date(until.getTime() + 1000));
    }
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 24 * 3600 * 1000L));
    assertThat(login.apply(userId, PASSWORD)).as("right password a day later").isEqualTo(401);

    Api.Response unlock = rest("admin").post("/user/" + userId + "/unlock", "");
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(204);
    assertThat(login.apply(userId, PASSWORD)).as("right password once unlocked").isEqualTo(200);
  }

  private UserEntity user(String userId) {
    return (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
  }

  private void createUserIfMissing(String userId) {
    testAccount(userId, "Verrou", "Test", PASSWORD, "teachers");
    identityService.unlockUser(userId);
  }
}
