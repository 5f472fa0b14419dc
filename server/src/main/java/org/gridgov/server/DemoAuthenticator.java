package org.gridgov.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gridgov.region.Region;
import org.gridgov.region.RegionLevel;
import org.gridgov.region.RegionTree;
import org.jspecify.annotations.Nullable;

/**
 * The demo's authenticator: one user per district ({@code district-<code>}) and per street ({@code
 * street-<code>}), each overseeing its region. No password is in the repository: each is either the
 * one given (the environment variable {@code GRIDGOV_DEMO_PASSWORD}, for all users) or generated at
 * start from a {@link SecureRandom} and printed by the demo for its operator.
 */
public final class DemoAuthenticator implements Authenticator {
  private final Map<String, Entry> users = new LinkedHashMap<>();

  private record Entry(DashboardUser user, String password) {}

  private DemoAuthenticator() {}

  /**
   * Returns the users of a tree's districts and streets.
   *
   * @param tree the region tree
   * @param password one password for all users, or null to generate one per user
   * @return the authenticator
   */
  public static DemoAuthenticator forTree(RegionTree tree, @Nullable String password) {
    DemoAuthenticator a = new DemoAuthenticator();
    SecureRandom random = new SecureRandom();
    for (RegionLevel level : new RegionLevel[] {RegionLevel.DISTRICT, RegionLevel.STREET}) {
      for (Region r : tree.regionsAt(level)) {
        String name = level.name().toLowerCase(java.util.Locale.ROOT) + "-" + r.code();
        String pw = password != null ? password : generated(random);
        a.users.put(name, new Entry(new DashboardUser(name, r.code()), pw));
      }
    }
    return a;
  }

  private static String generated(SecureRandom random) {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Returns every user name with its password, for the demo's operator (printed at start).
   *
   * @return user name to password, districts first
   */
  public Map<String, String> credentials() {
    Map<String, String> out = new LinkedHashMap<>();
    users.forEach((k, v) -> out.put(k, v.password()));
    return out;
  }

  @Override
  public Optional<DashboardUser> authenticate(String username, String password) {
    Entry e = users.get(username);
    byte[] given = password.getBytes(StandardCharsets.UTF_8);
    byte[] expected =
        (e == null ? "\u0000no-such-user" : e.password()).getBytes(StandardCharsets.UTF_8);
    boolean ok = MessageDigest.isEqual(given, expected);
    return ok && e != null ? Optional.of(e.user()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "DemoAuthenticator[" + users.size() + " users]";
  }
}
