package org.ftcbench.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A static web server for a folder, as a host that publishes it would run one: on 127.0.0.1 (a free
 * port), GET only, each path resolved inside the folder (index.html for a folder), with the content
 * types of the files, and — like a server running as another user — 403 for a file that is not
 * readable by others or lies in a folder others cannot enter. Every request is recorded with its
 * status.
 */
final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript",
          "css", "text/css",
          "csv", "text/csv; charset=utf-8",
          "json", "application/json",
          "log", "text/plain; charset=utf-8",
          "png", "image/png");

  /** One request: the path asked for and the status answered. */
  record Hit(String path, int status) {}

  private final Path root;
  private final HttpServer server;
  private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());

  StaticServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  /** http://127.0.0.1:PORT/ */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  List<Hit> hits() {
    synchronized (hits) {
      return List.copyOf(hits);
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String path = URLDecoder.decode(raw, StandardCharsets.UTF_8);
    int status;
    byte[] body = new byte[0];
    String type = "text/plain";
    Path file = root.resolve(path.substring(1)).normalize();
    if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
      status = 405;
    } else if (!file.startsWith(root)) {
      status = 403;
    } else {
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        status = 404;
      } else if (!readableByOthers(file)) {
        status = 403;
      } else {
        status = 200;
        body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        type =
            TYPES.getOrDefault(
                name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      }
    }
    hits.add(new Hit(raw, status));
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** The file is readable by others and every folder from the root down to it is enterable. */
  private boolean readableByOthers(Path file) throws IOException {
    if (!Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
      return false;
    }
    for (Path dir = file.getParent(); dir.startsWith(root); dir = dir.getParent()) {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
      if (!p.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
      if (dir.equals(root)) {
        break;
      }
    }
    return true;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
