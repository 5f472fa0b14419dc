package org.gridgov.region.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Region names, deduplicated: each region holds an {@code int} name id, and each distinct name is
 * stored once in a shared {@code char[]} with offsets. Governance trees repeat names a lot ("第1网格",
 * "1号楼"), so this costs about 4 bytes per region plus the distinct text. Immutable once built.
 */
public final class NameTable {
  private final int[] nameIds;
  private final char[] chars;
  private final int[] offsets;

  private NameTable(int[] nameIds, char[] chars, int[] offsets) {
    this.nameIds = nameIds;
    this.chars = chars;
    this.offsets = offsets;
  }

  /**
   * Returns a region's name.
   *
   * @param index the region's index
   * @return the name
   */
  public String name(int index) {
    int id = nameIds[index];
    return new String(chars, offsets[id], offsets[id + 1] - offsets[id]);
  }

  /** Collects names while building; not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> ids = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private int[] offsets = new int[16];
    private int count;

    /** Creates an empty builder. */
    public Builder() {
      offsets[0] = 0;
    }

    /**
     * Returns the id of a name, adding it if new.
     *
     * @param name the name
     * @return its id
     */
    public int intern(String name) {
      Integer id = ids.get(name);
      if (id != null) {
        return id;
      }
      int nid = count++;
      ids.put(name, nid);
      text.append(name);
      if (count + 1 > offsets.length) {
        offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[count] = text.length();
      return nid;
    }

    /**
     * Returns the name with an id.
     *
     * @param id an id returned by {@link #intern}
     * @return the name
     */
    public String nameOf(int id) {
      return text.substring(offsets[id], offsets[id + 1]);
    }

    /**
     * Returns, for each name id, whether the name is empty or only white space.
     *
     * @return the flags, indexed by id
     */
    public boolean[] blankFlags() {
      boolean[] blank = new boolean[count];
      for (int id = 0; id < count; id++) {
        blank[id] = nameOf(id).isBlank();
      }
      return blank;
    }

    /**
     * Builds the table for regions holding the given ids.
     *
     * @param nameIds the name id of each region; taken over, not copied
     * @return the table
     */
    public NameTable build(int[] nameIds) {
      char[] chars = new char[text.length()];
      text.getChars(0, text.length(), chars, 0);
      return new NameTable(nameIds, chars, java.util.Arrays.copyOf(offsets, count + 1));
    }
  }
}
