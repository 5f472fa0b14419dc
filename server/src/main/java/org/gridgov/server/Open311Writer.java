package org.gridgov.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes GeoReport v2 documents: a list of objects (maps of field name to value, in field order) as
 * a JSON array, or as XML under a root element with one child element per object, as the
 * specification's examples show ({@code <services><service>…</service></services>}). Nested lists
 * (a service definition's attributes and their values) become nested elements: {@code
 * <attributes><attribute>…</attribute></attributes>}. A null value is JSON {@code null} and an
 * empty XML element.
 */
final class Open311Writer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  /** The two formats of the specification. */
  enum Format {
    /** {@code .json}: application/json. */
    JSON("application/json; charset=utf-8"),
    /** {@code .xml}: text/xml (the specification's required format). */
    XML("text/xml; charset=utf-8");

    private final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    /** The content type of a response in this format. */
    String contentType() {
      return contentType;
    }
  }

  private Open311Writer() {}

  /**
   * Writes a document.
   *
   * @param format the format
   * @param root the XML root element (e.g. {@code service_requests})
   * @param element the XML element of one object (e.g. {@code request})
   * @param objects the objects
   * @return the text
   */
  static String write(
      Format format, String root, String element, List<? extends Map<String, ?>> objects) {
    return format == Format.JSON ? json(objects) : xml(root, element, objects);
  }

  /**
   * Writes one object: a JSON object, or XML with the object's fields under the root element (the
   * service definition's shape).
   *
   * @param format the format
   * @param root the XML root element
   * @param object the object
   * @return the text
   */
  static String writeOne(Format format, String root, Map<String, ?> object) {
    if (format == Format.JSON) {
      return json(object);
    }
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      writeObject(w, root, object);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new java.io.IOException("cannot write XML", e));
    }
    return out.toString();
  }

  /**
   * Writes the specification's error body.
   *
   * @param format the format
   * @param e the error
   * @return the text
   */
  static String error(Format format, Open311Exception e) {
    Map<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("code", e.status());
    error.put("description", e.getMessage());
    return write(format, "errors", "error", List.of(error));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String xml(String root, String element, List<? extends Map<String, ?>> objects) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement(root);
      for (Map<String, ?> o : objects) {
        writeObject(w, element, o);
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new java.io.IOException("cannot write XML", e));
    }
    return out.toString();
  }

  private static void writeObject(XMLStreamWriter w, String element, Map<String, ?> o)
      throws XMLStreamException {
    w.writeStartElement(element);
    for (Map.Entry<String, ?> e : o.entrySet()) {
      writeValue(w, e.getKey(), e.getValue());
    }
    w.writeEndElement();
  }

  private static void writeValue(XMLStreamWriter w, String name, @Nullable Object value)
      throws XMLStreamException {
    if (value instanceof List<?> list) {
      w.writeStartElement(name);
      String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, ?> fields = (Map<String, ?>) m;
          writeObject(w, child, fields);
        } else {
          writeValue(w, child, item);
        }
      }
      w.writeEndElement();
    } else {
      w.writeStartElement(name);
      if (value != null) {
        w.writeCharacters(String.valueOf(value));
      }
      w.writeEndElement();
    }
  }
}
