package org.pedaflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which variables a decision's input expression reads. */
class DecisionsTest {

  @Test
  void aPlainNameIsTheVariable() {
    assertThat(Decisions.identifiers("totalAmountEur")).containsExactly("totalAmountEur");
    assertThat(Decisions.identifiers("${totalAmountEur}")).containsExactly("totalAmountEur");
  }

  @Test
  void functionsPropertiesStringsAndKeywordsAreNotVariables() {
    assertThat(Decisions.identifiers("date(startDate) > date(\"2020-01-01\")")).containsExactly("startDate");
    assertThat(Decisions.identifiers("item.price * quantity")).containsExactly("item", "quantity");
    assertThat(Decisions.identifiers("if eligible and not(blocked) then \"oui\" else 'non'")).containsExactly("eligible", "blocked");
  }
}
