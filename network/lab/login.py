#!/usr/bin/env python3
"""Logins through the lab's real Keycloak, the way a browser does them (forms, redirects, cookies).

  operator --admin URL --user NAME --password-file F --totp-file F --expect TEXT
        The operators' OIDC login into the admin: password, then the TOTP second factor (RFC 6238, computed
        here), back to the admin, whose catalog page must contain TEXT. Also checks that a wrong TOTP code
        is refused (Keycloak answers the OTP form again, the admin is not entered).
  shopper --public https://HOST --resolve HOST:IP --client ID --redirect URI --user NAME --password-file F
        A shopper's authorization-code + PKCE (S256) login through the public VIP (WAF, L4, gateway), then the
        code is exchanged for tokens through the same path; the ID token's issuer must be the public realm URL.
Prints one line per step; exit status 0 only when every step behaved.
"""
import argparse
import base64
import hashlib
import hmac
import html
import http.cookiejar
import json
import re
import secrets
import socket
import ssl
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def totp(secret, at=None, step=30, digits=6):
    key = secret.encode()  # Keycloak's stored OTP secret: its bytes are the HMAC key (apps get them in base32)
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 10 ** digits
    return str(code).zfill(digits)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener(follow=True):
    tls = ssl.create_default_context()
    tls.check_hostname = False  # the lab's self-signed certificate; TLS itself is tested elsewhere
    tls.verify_mode = ssl.CERT_NONE
    handlers = [urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), urllib.request.HTTPSHandler(context=tls)]
    if not follow:
        handlers.append(NoRedirect())
    return urllib.request.build_opener(*handlers)


# A browser's headers: the WAF rightly scores a scripting client's User-Agent and a missing Accept (CRS 913101,
# 920300), and the point is to show that a shopper's own login passes it.
BROWSER = {"User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/131.0 Mobile Safari/537.36",
           "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
           "Accept-Language": "id-ID,id;q=0.9,en;q=0.8"}


def fetch(op, url, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with op.open(urllib.request.Request(url, data=data, headers=BROWSER), timeout=30) as r:
            return r.status, r.geturl(), r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, url, e.headers, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError) as e:
        return 0, url, {}, str(e)


def form_action(page):
    m = re.search(r'<form[^>]*id="kc-(?:form-login|otp-login-form)"[^>]*action="([^"]+)"', page) \
        or re.search(r'<form[^>]*action="([^"]+)"', page)
    return html.unescape(m.group(1)) if m else None


def step(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        sys.exit(1)


def operator(a):
    password = open(a.password_file).read().strip()
    secret = open(a.totp_file).read().strip()
    op = opener()
    status, url, _, page = fetch(op, a.admin + "/")
    action = form_action(page)
    step(status == 200 and "/realms/operators/" in url and action is not None,
         f"admin sends the operator to Keycloak's login form ({status} {url.split('?')[0]})")
    status, url, _, page = fetch(op, action, {"username": a.user, "password": password, "credentialId": ""})
    otp_action = form_action(page)
    step(status == 200 and 'name="otp"' in page and otp_action is not None,
         "password accepted; Keycloak asks for the TOTP code")
    status, url, _, page = fetch(op, otp_action, {"otp": "000000" if totp(secret) != "000000" else "111111"})
    step(status == 200 and 'name="otp"' in page and not url.startswith(a.admin),
         "a wrong TOTP code is refused (the OTP form again, the admin not entered)")
    otp_action = form_action(page)
    status, url, _, page = fetch(op, otp_action, {"otp": totp(secret)})
    step(status == 200 and url.startswith(a.admin) and a.expect in page,
         f"the right TOTP code enters the admin; its catalog page lists {a.expect} ({status} {url})")


def shopper(a):
    host, ip = a.resolve.split(":")
    real_getaddrinfo = socket.getaddrinfo

    def resolve(name, *args, **kwargs):  # the public name points at the lab's public VIP
        return real_getaddrinfo(ip if name == host else name, *args, **kwargs)

    socket.getaddrinfo = resolve
    password = open(a.password_file).read().strip()
    realm = f"{a.public}/realms/shoppers"
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state = secrets.token_urlsafe(16)
    query = urllib.parse.urlencode({"client_id": a.client, "redirect_uri": a.redirect, "response_type": "code",
                                    "scope": "openid", "state": state, "code_challenge": challenge,
                                    "code_challenge_method": "S256"})
    op = opener(follow=False)
    status, _, headers, page = fetch(op, f"{realm}/protocol/openid-connect/auth?{query}")
    action = form_action(page)
    step(status == 200 and action is not None and action.startswith(realm),
         f"login form served through the WAF and the gateway ({status}), form posts to the public realm URL")
    status, _, headers, page = fetch(op, action, {"username": a.user, "password": password, "credentialId": ""})
    location = headers.get("Location") or ""
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
    step(status == 302 and location.startswith(a.redirect.rstrip("/")) and params.get("state") == [state]
         and "code" in params, f"credentials POSTed through the WAF ({status}): redirected back with a code")
    status, _, _, body = fetch(op, f"{realm}/protocol/openid-connect/token",
                               {"grant_type": "authorization_code", "client_id": a.client, "code": params["code"][0],
                                "redirect_uri": a.redirect, "code_verifier": verifier})
    tokens = json.loads(body) if status == 200 else {}
    claims = {}
    if "id_token" in tokens:
        payload = tokens["id_token"].split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    step(status == 200 and claims.get("iss") == realm and claims.get("aud") in (a.client, [a.client]),
         f"code + PKCE verifier exchanged for tokens ({status}); ID token issuer {claims.get('iss')}")


# Every option of both logins is required.
OPTIONS = {"operator": ("admin", "user", "password-file", "totp-file", "expect"),
           "shopper": ("public", "resolve", "client", "redirect", "user", "password-file")}


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    for cmd, options in OPTIONS.items():
        c = sub.add_parser(cmd)
        for option in options:
            c.add_argument("--" + option, required=True)
    a = p.parse_args()
    operator(a) if a.cmd == "operator" else shopper(a)


if __name__ == "__main__":
    main()
