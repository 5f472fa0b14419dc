package org.gridgov.server;

import org.jspecify.annotations.Nullable;

/**
 * The personal fields of an Open311 request (email, first and last name, phone, device and account
 * ids): stored with the request, never returned by a GET, never in a log or message ({@link
 * #toString()} names only which fields are present).
 *
 * @param email the email
 * @param firstName the first name
 * @param lastName the last name
 * @param phone the phone
 * @param deviceId the device id
 * @param accountId the account id
 */
public record PersonalFields(
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String phone,
    @Nullable String deviceId,
    @Nullable String accountId) {

  /** No personal fields. */
  public static final PersonalFields NONE = new PersonalFields(null, null, null, null, null, null);

  @Override
  public String toString() {
    return "PersonalFields[present: "
        + (email != null ? "email " : "")
        + (firstName != null ? "first_name " : "")
        + (lastName != null ? "last_name " : "")
        + (phone != null ? "phone " : "")
        + (deviceId != null ? "device_id " : "")
        + (accountId != null ? "account_id" : "")
        + "]";
  }
}
