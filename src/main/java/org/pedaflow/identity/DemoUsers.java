package org.pedaflow.identity;

import java.util.List;

/** The demo users of SPEC §2 (profile {@code demo} only): password = id, e-mail {@code <id>@univ.example}. */
final class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, String group) {
    String email() {
      return id + "@univ.example";
    }
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("admin", "Alex", "Admin", Groups.ADMINS),
      new DemoUser("claire", "Claire", "Dubois", Groups.TEACHERS),
      new DemoUser("thomas", "Thomas", "Martin", Groups.TEACHERS),
      new DemoUser("ines", "Inès", "Lefèvre", Groups.INSTRUCTIONAL_DESIGNERS),
      new DemoUser("hugo", "Hugo", "Bernard", Groups.LABELLING_COMMITTEE),
      new DemoUser("sophie", "Sophie", "Moreau", Groups.LABELLING_COMMITTEE),
      new DemoUser("lea", "Léa", "Garnier", Groups.LAB_MANAGERS),
      new DemoUser("paul", "Paul", "Roux", Groups.LAB_MANAGERS),
      new DemoUser("marc", "Marc", "Fontaine", Groups.FINANCE),
      new DemoUser("nadia", "Nadia", "Haddad", Groups.HR));

  private DemoUsers() {}
}
