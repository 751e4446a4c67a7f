#!/usr/bin/env python3
"""Stand-ins for the lab when the real service is absent (clearly labelled in test output).

  http  --bind IP:PORT --name NODE [--forward HOST:PORT]
        An HTTP upstream: /actuator/health/readiness -> 200; every other path -> 200 with
        {"node": NODE, ...}. With --forward it relays the request to the next tier (the dmz-api
        stand-in relays to the internal L4 VIP, so the whole chain is exercised).
  tcp   --bind IP --ports 3306,6379,...
        Accepts TCP connections on each port and sends a one-line banner (data services: proves
        reachability or its absence, nothing more).
  smtp  --bind IP --port 25 --dir DIR
        A mail relay that keeps every message it accepts as DIR/<n>.eml (the shop's order mails: the lab
        counts them per order). Plain SMTP, no TLS, no AUTH: lab only.
"""
import argparse
import http.client
import json
import socket
import socketserver
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def http_main(a):
    host, port = a.bind.rsplit(":", 1)
    fwd = a.forward.rsplit(":", 1) if a.forward else None

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _body(self):
            n = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(n) if n else b""

        def _reply(self, status, payload, ctype="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def handle_any(self):
            body = self._body()
            if self.path.startswith("/actuator/health"):
                return self._reply(200, b'{"status":"UP"}')
            if fwd:
                try:
                    c = http.client.HTTPConnection(fwd[0], int(fwd[1]), timeout=10)
                    hdrs = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "content-length")}
                    hdrs["X-Onshore-Via"] = a.name
                    c.request(self.command, self.path, body=body, headers=hdrs)
                    r = c.getresponse()
                    data = r.read()
                    c.close()
                    return self._reply(r.status, data, r.getheader("Content-Type", "application/json"))
                except OSError as e:
                    return self._reply(502, json.dumps({"node": a.name, "error": type(e).__name__}).encode())
            out = {"node": a.name, "method": self.command, "path": self.path, "bytes": len(body),
                   "via": self.headers.get("X-Onshore-Via"), "xff": self.headers.get("X-Forwarded-For")}
            return self._reply(200, json.dumps(out).encode())

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any

    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    srv = ThreadingHTTPServer((host, int(port)), H)
    srv.serve_forever()


def tcp_main(a):
    class T(socketserver.BaseRequestHandler):
        def handle(self):
            try:
                self.request.sendall(f"onshore-lab-stub {a.name} port {self.server.server_address[1]}\n".encode())
            except OSError:
                pass

    socketserver.ThreadingTCPServer.allow_reuse_address = True
    servers = [socketserver.ThreadingTCPServer((a.bind, int(p)), T) for p in a.ports.split(",")]
    for s in servers[1:]:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    servers[0].serve_forever()


def smtp_main(a):
    import os
    os.makedirs(a.dir, exist_ok=True)
    lock = threading.Lock()
    count = [len(os.listdir(a.dir))]

    class S(socketserver.StreamRequestHandler):
        def reply(self, line):
            self.wfile.write((line + "\r\n").encode())
            self.wfile.flush()

        def handle(self):
            try:
                self.reply("220 lab-mail ESMTP onshore lab relay")
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    verb = line.decode("latin-1").strip().split(" ", 1)[0].upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250-lab-mail" if verb == "EHLO" else "250 lab-mail")
                        if verb == "EHLO":
                            self.reply("250 8BITMIME")
                    elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                        self.reply("250 OK")
                    elif verb == "DATA":
                        self.reply("354 end with <CRLF>.<CRLF>")
                        body = []
                        while True:
                            part = self.rfile.readline()
                            if not part or part in (b".\r\n", b".\n"):
                                break
                            body.append(part[1:] if part.startswith(b"..") else part)
                        with lock:
                            count[0] += 1
                            name = os.path.join(a.dir, "%08d.eml" % count[0])
                        with open(name + ".part", "wb") as f:
                            f.writelines(body)
                        os.rename(name + ".part", name)
                        self.reply("250 OK queued")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("502 not implemented")
            except OSError:
                pass

    socketserver.ThreadingTCPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer.daemon_threads = True
    socketserver.ThreadingTCPServer((a.bind, int(a.port)), S).serve_forever()


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("http")
    h.add_argument("--bind", required=True)
    h.add_argument("--name", required=True)
    h.add_argument("--forward")
    t = sub.add_parser("tcp")
    t.add_argument("--bind", required=True)
    t.add_argument("--ports", required=True)
    t.add_argument("--name", default="data")
    m = sub.add_parser("smtp")
    m.add_argument("--bind", required=True)
    m.add_argument("--port", default="25")
    m.add_argument("--dir", required=True)
    a = p.parse_args()
    {"http": http_main, "tcp": tcp_main, "smtp": smtp_main}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
