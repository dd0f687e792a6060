package dev.tandem.registry.auth;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds every JAX-RS resource method of the application's own classes by reflection. */
final class Endpoints {

  /** One resource method: its HTTP method, path template and Java method. */
  record Found(String method, String path, Method javaMethod) {
    String key() {
      return method + " " + path;
    }
  }

  private Endpoints() {}

  /** Every resource method in the main classes of {@code dev.tandem.registry}. */
  static List<Found> all() {
    List<Found> found = new ArrayList<>();
    for (Class<?> type : resourceClasses()) {
      String base = type.getAnnotation(Path.class).value();
      for (Method method : type.getMethods()) {
        String http = httpMethod(method);
        if (http == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        found.add(
            new Found(http, normalize(base + "/" + (sub == null ? "" : sub.value())), method));
      }
    }
    return found;
  }

  /** {@code /a//{id: [0-9]+}/} becomes {@code /a/{id}}. */
  static String normalize(String path) {
    String p = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.startsWith("/") ? p : "/" + p;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static List<Class<?>> resourceClasses() {
    // Surefire runs in the module's directory; the main classes are compiled there.
    java.nio.file.Path root = Paths.get("target", "classes");
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (!name.startsWith("dev.tandem.registry.") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, Endpoints.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class) && !type.isInterface()) {
          classes.add(type);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return classes;
  }
}
