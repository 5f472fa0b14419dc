package org.gridgov.json;

import static org.gridgov.json.Trees.at;
import static org.gridgov.json.Trees.optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.gridgov.casefile.CaseId;
import org.gridgov.casefile.CaseStateForm;

/**
 * The JSON object of a {@link CaseStateForm} in an engine snapshot: one member per component, by
 * the component's name and type (a case id or enum as its text, an instant or duration in ISO-8601,
 * numbers and booleans as such, sets and lists as arrays of strings; an empty {@code Optional} is
 * left out). Driven by the record's components, so the object always holds the whole state; the
 * schema lists them for version {@value EngineSnapshotJson#VERSION} and a test keeps the two equal.
 */
final class StateTrees {
  private static final RecordComponent[] COMPONENTS = CaseStateForm.class.getRecordComponents();
  private static final Constructor<CaseStateForm> CANONICAL = canonical();

  private StateTrees() {}

  private static Constructor<CaseStateForm> canonical() {
    try {
      return CaseStateForm.class.getDeclaredConstructor(
          Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new AssertionError("a record has its canonical constructor", e);
    }
  }

  static ObjectNode tree(CaseStateForm form) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (RecordComponent c : COMPONENTS) {
      Object v = value(c, form);
      if (v instanceof Optional<?> opt) {
        if (opt.isPresent()) {
          o.set(c.getName(), scalar(opt.get()));
        }
      } else if (v instanceof Iterable<?> items) {
        ArrayNode a = o.putArray(c.getName());
        for (Object item : items) {
          a.add((String) item);
        }
      } else {
        o.set(c.getName(), scalar(v));
      }
    }
    return o;
  }

  private static Object value(RecordComponent c, CaseStateForm form) {
    try {
      return c.getAccessor().invoke(form);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new LinkageError("a record's accessors are public", e);
    }
  }

  private static JsonNode scalar(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof Long l) {
      return f.numberNode(l);
    } else if (v instanceof Integer i) {
      return f.numberNode(i);
    } else if (v instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (v instanceof Enum<?> e) {
      return f.textNode(e.name());
    } else if (v instanceof CaseId id) {
      return f.textNode(id.value());
    }
    return f.textNode(v.toString()); // String, Instant, Duration: ISO-8601 for the latter two
  }

  static CaseStateForm form(JsonNode n, String path) {
    Trees.requireObject(n, path);
    Object[] args = new Object[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      RecordComponent c = COMPONENTS[i];
      String name = c.getName();
      JsonNode v = optional(n, name);
      if (c.getType() == Optional.class) {
        args[i] = v == null ? Optional.empty() : Optional.of(read(argument(c), v, at(path, name)));
      } else if (v == null) {
        throw ShapeException.missing(at(path, name));
      } else if (c.getType() == ImmutableSortedSet.class) {
        args[i] = ImmutableSortedSet.copyOf(strings(v, at(path, name)));
      } else if (c.getType() == ImmutableList.class) {
        args[i] = strings(v, at(path, name));
      } else {
        args[i] = read(c.getType(), v, at(path, name));
      }
    }
    try {
      return CANONICAL.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
        // CaseStateForm's messages name the case and the component, never a value of the facts
        throw ShapeException.rule(path, "is not a case state: " + cause.getMessage());
      }
      throw new IllegalStateException(cause);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new LinkageError("a record's canonical constructor is public", e);
    }
  }

  private static Class<?> argument(RecordComponent c) {
    Type t = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
    return (Class<?>) t;
  }

  private static ImmutableList<String> strings(JsonNode v, String path) {
    if (!v.isArray()) {
      throw ShapeException.expected(path, "an array of strings", v);
    }
    ImmutableList.Builder<String> b = ImmutableList.builderWithExpectedSize(v.size());
    for (int i = 0; i < v.size(); i++) {
      b.add(Trees.textElement(v.get(i), path + "[" + i + "]"));
    }
    return b.build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // enum types come from the record's components
  private static Object read(Class<?> type, JsonNode v, String path) {
    if (type == long.class) {
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw ShapeException.expected(path, "an integer", v);
      }
      return v.asLong();
    } else if (type == int.class) {
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw ShapeException.expected(path, "a 32-bit integer", v);
      }
      return v.asInt();
    } else if (type == boolean.class) {
      if (!v.isBoolean()) {
        throw ShapeException.expected(path, "true or false", v);
      }
      return v.asBoolean();
    } else if (type == CaseId.class) {
      return Trees.caseIdValue(v, path);
    }
    if (!v.isTextual()) {
      throw ShapeException.expected(path, "a string", v);
    }
    String s = v.asText();
    if (type.isEnum()) {
      for (Object c : type.getEnumConstants()) {
        if (((Enum) c).name().equals(s)) {
          return c;
        }
      }
      throw ShapeException.expected(path, "one of " + Arrays.toString(type.getEnumConstants()), v);
    } else if (type == Instant.class) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw ShapeException.expected(path, "an ISO-8601 instant", v);
      }
    } else if (type == Duration.class) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        throw ShapeException.expected(path, "an ISO-8601 duration", v);
      }
    } else if (type == String.class) {
      return Trees.textElement(v, path);
    }
    throw new AssertionError("CaseStateForm has a component of an unmapped type " + type);
  }
}
