package org.gridgov.server;

import java.util.Optional;

/**
 * Checks dashboard logins: pluggable (an embedder connects its directory, SSO or the like). {@link
 * DemoAuthenticator} is the built-in one for the demo.
 */
public interface Authenticator {
  /**
   * Checks a login.
   *
   * @param username the name given
   * @param password the password given
   * @return the user, or empty if the login is wrong (the caller says no more than that)
   */
  Optional<DashboardUser> authenticate(String username, String password);
}
