package org.gridgov.people;

import org.gridgov.GridgovException;

/**
 * An assignment refused by the {@link StaffPolicy}: it names the person id, the role, the region
 * and the rule, never personal data.
 */
public final class StaffPolicyException extends GridgovException {
  private static final long serialVersionUID = 1L;

  private final String personId;
  private final String roleCode;
  private final long regionCode;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param assignment the refused assignment
   * @param rule the rule it breaks, a sentence
   */
  public StaffPolicyException(Assignment assignment, String rule) {
    super(
        "assignment of "
            + assignment.person()
            + " as "
            + assignment.roleCode()
            + " in "
            + assignment.regionCode()
            + " refused: "
            + rule);
    this.personId = assignment.person().value();
    this.roleCode = assignment.roleCode();
    this.regionCode = assignment.regionCode();
    this.rule = rule;
  }

  /**
   * Returns the person's id.
   *
   * @return the id
   */
  public PersonId person() {
    return PersonId.of(personId);
  }

  /**
   * Returns the role code.
   *
   * @return the code
   */
  public String roleCode() {
    return roleCode;
  }

  /**
   * Returns the region code.
   *
   * @return the code
   */
  public long regionCode() {
    return regionCode;
  }

  /**
   * Returns the rule broken.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
