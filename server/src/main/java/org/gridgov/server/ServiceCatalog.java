package org.gridgov.server;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.casefile.Priority;
import org.gridgov.category.Category;
import org.gridgov.category.CategoryCatalog;

/**
 * The Open311 services of the server: one per minor class (小类, level 2) of the category catalogue,
 * its {@code service_code} the category code. Every service has metadata: one optional attribute,
 * {@code urgency} (a single-value list: {@code normal} or {@code urgent}), which sets the case's
 * {@link Priority}. Mapping: docs/open311.md.
 */
final class ServiceCatalog {
  /** The code of the one service attribute. */
  static final String URGENCY = "urgency";

  private final CategoryCatalog catalog;
  private final ImmutableList<Category> services;

  ServiceCatalog(CategoryCatalog catalog) {
    this.catalog = catalog;
    this.services =
        catalog.all().stream().filter(c -> c.level() == 2).collect(ImmutableList.toImmutableList());
  }

  /** The services, in catalogue order. */
  ImmutableList<Category> services() {
    return services;
  }

  /** The service of a code, if the code is a service's. */
  Optional<Category> find(String serviceCode) {
    return catalog.find(serviceCode).filter(c -> c.level() == 2);
  }

  /** The service's name: the category's English name. */
  static String name(Category c) {
    return c.englishName();
  }

  /** A {@code GET services} entry, fields in the specification's order. */
  Map<String, Object> listing(Category c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", c.code());
    m.put("service_name", c.englishName());
    m.put(
        "description",
        c.chineseName() + " — " + c.englishName() + " (gridgov category " + c.code() + ")");
    m.put("metadata", true);
    m.put("type", "realtime");
    m.put("keywords", c.chineseName() + ", " + c.code());
    m.put("group", catalog.majorClassOf(c.code()).englishName());
    return m;
  }

  /** A {@code GET services/{code}} definition: the code and its attributes. */
  Map<String, Object> definition(Category c) {
    Map<String, Object> attribute = new LinkedHashMap<>();
    attribute.put("variable", true);
    attribute.put("code", URGENCY);
    attribute.put("datatype", "singlevaluelist");
    attribute.put("required", false);
    attribute.put("datatype_description", null);
    attribute.put("order", 1);
    attribute.put("description", "How urgent is it? (紧急程度)");
    attribute.put(
        "values", List.of(value("normal", "Normal (一般)"), value("urgent", "Urgent (紧急)")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", c.code());
    m.put("attributes", List.of(attribute));
    return m;
  }

  private static Map<String, Object> value(String key, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("name", name);
    return m;
  }

  /**
   * The priority an {@code attribute[urgency]} value asks for.
   *
   * @param value the value, absent for the default
   * @return the priority
   * @throws Open311Exception (400) if the value is not a key of the attribute
   */
  static Priority priority(Optional<String> value) {
    if (value.isEmpty() || value.get().equals("normal")) {
      return Priority.NORMAL;
    }
    if (value.get().equals("urgent")) {
      return Priority.URGENT;
    }
    throw Open311Exception.badRequest(
        "attribute["
            + URGENCY
            + "] is '"
            + Texts.clip(value.get())
            + "': expected normal or urgent");
  }
}
