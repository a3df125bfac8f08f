package org.pedaflow.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Camunda groups of SPEC §2. */
public final class Groups {

  public static final String TEACHERS = "teachers";
  public static final String INSTRUCTIONAL_DESIGNERS = "instructional-designers";
  public static final String LABELLING_COMMITTEE = "labelling-committee";
  public static final String LAB_MANAGERS = "lab-managers";
  public static final String FINANCE = "finance";
  public static final String HR = "hr";
  public static final String ADMINS = "camunda-admin";

  /** Group id → French name, in the order of the SPEC. */
  public static final Map<String, String> NAMES;

  static {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(TEACHERS, "Enseignants");
    names.put(INSTRUCTIONAL_DESIGNERS, "Ingénieurs pédagogiques");
    names.put(LABELLING_COMMITTEE, "Comité de labellisation");
    names.put(LAB_MANAGERS, "Responsables du learning lab");
    names.put(FINANCE, "Service financier");
    names.put(HR, "Ressources humaines");
    names.put(ADMINS, "Administrateurs");
    NAMES = java.util.Collections.unmodifiableMap(names);
  }

  private Groups() {}
}
