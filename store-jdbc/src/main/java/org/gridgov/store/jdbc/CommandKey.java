package org.gridgov.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gridgov.engine.Command;
import org.gridgov.engine.Principal;
import org.gridgov.json.CaseJson;

/**
 * What the store keys a command by besides its id: the principal, and a SHA-256 hash of the rest of
 * the command (case, instant, action). The hash never leaves the store and is not reversible into
 * the reporter's data.
 */
final class CommandKey {
  private static final CaseJson JSON = CaseJson.unmasked();

  private CommandKey() {}

  /** The principal as stored: id, role, region code and handler id, separated by {@code |}. */
  static String principal(Principal p) {
    return p.id()
        + "|"
        + p.role().name()
        + "|"
        + (p.regionCode().isPresent() ? Long.toString(p.regionCode().getAsLong()) : "")
        + "|"
        + (p.handlerId() == null ? "" : p.handlerId());
  }

  /**
   * The payload hash: SHA-256 over the case id, the instant in epoch milliseconds, the action's
   * name and its canonical text (a report's facts as {@link CaseJson#unmasked()} JSON, so that two
   * reports differing only in the reporter or the exact point differ — a report at a point as the
   * facts it would make in a placeholder region, since the region is the engine's answer, not the
   * command's; any other action's record text, which names every component).
   */
  static String payloadHash(Command c) {
    String action =
        c.action() instanceof Command.Report r
            ? JSON.write(r.facts())
            : c.action() instanceof Command.ReportAt r
                ? JSON.write(r.facts(c.caseId(), 1L))
                : c.action().toString();
    String text =
        c.caseId().value()
            + "\n"
            + c.at().toEpochMilli()
            + "\n"
            + c.action().name()
            + "\n"
            + action;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Whether two commands are the same command: the same id, principal and payload hash. */
  static boolean sameCommand(Command a, Command b) {
    return a.commandId().equals(b.commandId())
        && principal(a.actor()).equals(principal(b.actor()))
        && payloadHash(a).equals(payloadHash(b));
  }
}
