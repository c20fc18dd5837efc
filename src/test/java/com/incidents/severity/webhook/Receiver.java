package com.incidents.severity.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (an ephemeral port): records every request and answers 200, or
 * what a test scripted for a path (statuses in turn, for the requests that match), or a redirect.
 */
public final class Receiver implements AutoCloseable {

    /** One request received. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (var h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Predicate<String>> scriptedBodies = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests to {@code path} whose body matches are answered with these statuses in turn, then 200. */
    public void script(String path, Predicate<String> body, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(List.of(statuses)));
        scriptedBodies.put(path, body);
    }

    /** Requests to {@code path} are answered 302 to {@code location}. */
    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
        int status = 200;
        if (redirects.containsKey(path)) {
            exchange.getResponseHeaders().add("Location", redirects.get(path));
            status = 302;
        } else if (scripts.containsKey(path) && scriptedBodies.get(path).test(body)) {
            synchronized (this) {
                Integer next = scripts.get(path).poll();
                status = next == null ? 200 : next;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
