package dev.onshore.edge.redis;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A browser behind the trusted local hop: its address (as the hop reports it), language and cookies. */
public class Browser {

    public final String address;
    public final String language;
    /** The cookies the gateway set, by name; a test may plant or copy one. */
    public final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(String address, String language) {
        this.address = address;
        this.language = language;
    }

    public HttpResponse<String> get(Gateway gateway, String path) {
        return send(gateway, "GET", path);
    }

    /**
     * Sends a request as this browser (HTML accepted for a page, JSON for the rest and the waiting room's status),
     * with its cookies and {@code extra} headers as name, value, name, value...; keeps the cookies the answer sets.
     */
    public HttpResponse<String> send(Gateway gateway, String method, String path, String... extra) {
        var headers = new ArrayList<>(List.of("X-Forwarded-For", address, "Accept-Language", language, "Accept",
                method.equals("GET") && !path.startsWith("/waiting-room/") ? "text/html" : "application/json"));
        if (!cookies.isEmpty()) {
            headers.add("Cookie");
            headers.add(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
        }
        headers.addAll(List.of(extra));
        var response = gateway.send(method, path, headers.toArray(String[]::new));
        for (var setCookie : response.headers().allValues("Set-Cookie")) {
            var pair = setCookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair[1]);
        }
        return response;
    }
}
