package dev.onshore.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** How the launcher decides that a component is ready: one quick check, false on any failure. */
@FunctionalInterface
public interface Probe {

    boolean ready();

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Ready when the URL answers 200. */
    static Probe http(String url) {
        return () -> {
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** Ready when the file exists (a process that writes it once it has started everything). */
    static Probe file(Path file) {
        return () -> Files.exists(file);
    }

    /** Ready when Redis answers PING after AUTH. */
    static Probe redis(int port, String password) {
        return () -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(2000);
                OutputStream out = socket.getOutputStream();
                out.write(("AUTH " + password + "\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                var reply = new StringBuilder();
                int c;
                while ((c = in.read()) != -1) {
                    reply.append((char) c);
                    if (reply.indexOf("+PONG") >= 0) {
                        return true;
                    }
                    if (reply.length() > 256) {
                        return false;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
