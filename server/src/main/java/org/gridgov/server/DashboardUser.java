package org.gridgov.server;

/**
 * Who is logged in to the dashboard, and what it may see: the cases and grids within its region (a
 * street's dispatcher: its street; the district's: all).
 *
 * @param name the login name (not a person's name)
 * @param regionCode the region the user oversees
 */
public record DashboardUser(String name, long regionCode) {}
