package org.gridgov.server;

import java.time.Instant;
import java.util.Objects;
import org.gridgov.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * The public part of an Open311 service request, as the server keeps it in memory and returns it:
 * no personal field (those stay in the database, {@link PersonalFields}).
 *
 * @param id the service_request_id
 * @param token the token ({@code GET tokens/{token}})
 * @param caseId the gridgov case the request became
 * @param serviceCode the service (category) code
 * @param description the description, if given
 * @param lat the latitude, WGS-84 (after any GCJ-02 conversion)
 * @param lon the longitude, WGS-84
 * @param address the address text, if given
 * @param mediaUrl the media URL, if given
 * @param requestedAt when the request was made (the city's time)
 * @param gridCode the grid the point lies in
 */
public record RequestRecord(
    long id,
    String token,
    CaseId caseId,
    String serviceCode,
    @Nullable String description,
    double lat,
    double lon,
    @Nullable String address,
    @Nullable String mediaUrl,
    Instant requestedAt,
    long gridCode) {

  /**
   * Checks the values.
   *
   * @param id the id
   * @param token the token
   * @param caseId the case id
   * @param serviceCode the service code
   * @param description the description
   * @param lat the latitude
   * @param lon the longitude
   * @param address the address
   * @param mediaUrl the media URL
   * @param requestedAt the request time
   * @param gridCode the grid code
   */
  public RequestRecord {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(serviceCode, "serviceCode");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public String toString() {
    return "RequestRecord[" + id + ", case " + caseId + ", service " + serviceCode + "]";
  }
}
