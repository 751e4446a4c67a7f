#!/usr/bin/env python3
"""Generate a benign storefront corpus for the WAF's zero-false-positive check.

Writes JSON lines {method, path, headers, body, lang} that look like what Onshore's own clients
send: page views, search in many scripts, cart and checkout JSON, addresses and names from the
markets we sell to, Keycloak login forms, account updates. Deterministic for a given --seed.
Usage: benign-corpus.py --count 6000 --out corpus.jsonl
"""
import argparse
import base64
import json
import random
import urllib.parse as up
import uuid

NAMES = [
    ("Siti", "Nurhaliza"), ("Budi", "Santoso"), ("Dewi", "Lestari"), ("김", "민준"), ("이", "서연"),
    ("佐藤", "花子"), ("王", "小明"), ("Nguyễn", "Thị Hương"), ("สมชาย", "ใจดี"), ("محمد", "الأحمد"),
    ("Σοφία", "Παπαδοπούλου"), ("Иван", "Петров"), ("Seán", "O'Brien"), ("Zoë", "D'Angelo"),
    ("Mary-Jane", "Smith-Jones"), ("José", "García Márquez"), ("Ana", "dos Santos"), ("Priya", "Raman"),
    ("Nur", "Aisyah binti Ahmad"), ("Ömer", "Çelik"), ("Jean-Luc", "L'Écuyer"), ("Aroha", "Te Whata"),
]
STREETS = [
    "Jl. Sudirman Kav. 52-53, RT 05/RW 02", "Jl. M.H. Thamrin No. 1, Menteng", "서울특별시 강남구 테헤란로 152",
    "東京都港区六本木6-10-1", "北京市朝阳区建国路88号", "123/45 ถนนสุขุมวิท แขวงคลองเตย", "شارع الملك فهد، حي العليا",
    "12 O'Connell Street Upper, Apt #4", "221B Baker St., Flat 2 (rear)", "Calle de Alcalá, 50 - 3º Izq.",
    "ул. Тверская, д. 7, кв. 15", "Blk 123 Ang Mo Kio Ave 3 #05-67", "Lot 8, Jalan P. Ramlee; Level 3",
    "1600 Amphitheatre Pkwy & Charleston Rd", "Rua Augusta, 1500 – conj. 12", "Số 1 Đại Cồ Việt, Hai Bà Trưng",
]
CITIES = ["Jakarta Selatan", "Surabaya", "서울", "東京", "Singapore", "Kuala Lumpur", "กรุงเทพมหานคร", "Dubai",
          "Dublin", "Madrid", "Москва", "Hà Nội", "São Paulo", "Bandung", "Yogyakarta"]
COUNTRIES = ["ID", "KR", "JP", "SG", "MY", "TH", "AE", "IE", "ES", "VN", "BR", "US", "AU"]
SEARCH = [
    "vitamin c", "omega-3 1000mg", "red ginseng", "홍삼", "비타민 D", "프로바이오틱스", "kolagen", "madu hutan",
    "suplemen anak", "vitamin untuk ibu hamil", "コラーゲン", "青汁", "维生素", "益生菌", "วิตามินซี", "คอลลาเจน",
    "فيتامين د", "زيت السمك", "коллаген", "витамин C", "multivitamin 50+", "zinc & vitamin C", "d3/k2",
    "calcium + magnesium", "O'Natural", "kids' gummies", "100% organic", "halal certified", "bpom",
    "lutein (20mg)", "best seller", "new: spring 2026", "gift set - 3 pcs", "buy 1 get 1", "sleep well?",
]
REVIEWS = [
    "Produk bagus, pengiriman cepat! Terima kasih.", "맛도 괜찮고 효과도 좋아요. 재구매 의사 있습니다!",
    "Great quality; arrived in 5 days. Would buy again :)", "味は少し苦いですが、続けています。",
    "สินค้าดีมาก ส่งไว แนะนำค่ะ", "المنتج ممتاز والتوصيل سريع", "Хороший продукт, но упаковка помята.",
    "I'd recommend it -- my mom loves it (she's 72).", "5/5 would order again; customer service was helpful.",
    "Rasanya enak & anak-anak suka. Harga 150.000 IDR worth it.", "Took 2 caps/day for 3 weeks, feeling better.",
]
LANGS = ["id-ID,id;q=0.9,en;q=0.8", "ko-KR,ko;q=0.9", "ja-JP,ja;q=0.9", "en-US,en;q=0.9", "th-TH,th;q=0.9",
         "ar-AE,ar;q=0.9,en;q=0.5", "zh-CN,zh;q=0.9", "vi-VN,vi;q=0.9", "ms-MY,ms;q=0.9,en;q=0.8"]
UAS = [
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
]
CATEGORIES = ["vitamins", "herbal/red-ginseng", "beauty/collagen", "kids", "sports-nutrition", "probiotics",
              "gift-sets", "halal"]
LOCALES = ["id-ID", "ko-KR", "en-US", "ja-JP", "th-TH", "ar-AE", "zh-CN", "vi-VN", "ms-MY"]
CURRENCIES = ["IDR", "KRW", "USD", "JPY", "THB", "AED", "CNY", "VND", "MYR", "SGD"]


def b64tok(r, n=32):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    tok = "".join(r.choice(alphabet) for _ in range(n))
    if n >= 11 and r.random() < 0.25:  # what chance does in real traffic, often: "--" then "-" (CRS 942440)
        i = r.randrange(0, n - 6)
        tok = tok[:i] + "--" + tok[i + 2:i + 4] + "-" + tok[i + 5:]
    return tok


def keycloak_cookies(r):
    """The cookies a browser carries through Keycloak's login: a JWT (KC_RESTART) and session ids, base64url."""
    jwt = ".".join(b64tok(r, k) for k in (36, r.randint(300, 900), 43))
    return (f"AUTH_SESSION_ID={b64tok(r, 22)}.{b64tok(r, 12)}; KC_AUTH_SESSION_HASH={b64tok(r, 43)}; "
            f"KC_RESTART={jwt}")


def cookies(r):
    return f"SESSION={b64tok(r, 48)}; XSRF-TOKEN={uuid.UUID(int=r.getrandbits(128))}; ONSHORE_LOCALE={r.choice(LOCALES)}"


def phone(r):
    return r.choice(["+62 812-3456-7890", "+82 10-1234-5678", "+81 90-1234-5678", "+65 9123 4567",
                     "+66 81 234 5678", "+971 50 123 4567", "(021) 555-0199", "+1 (415) 555-0123"])


def address(r):
    first, last = r.choice(NAMES)
    return {"firstName": first, "lastName": last, "line1": r.choice(STREETS),
            "line2": r.choice(["", "Gedung Wisma 46, Lt. 12", "Apt. 3B", "c/o PT Maju Jaya", "#12-01", "建物2階"]),
            "city": r.choice(CITIES), "region": r.choice(["DKI Jakarta", "Jawa Barat", "", "Gangnam-gu", "Bangkok"]),
            "postalCode": r.choice(["12190", "06236", "106-0032", "10110", "018956", "D02 XY45", "28014"]),
            "country": r.choice(COUNTRIES), "phone": phone(r)}


def gen(r):
    kind = r.choices(["home", "category", "product", "search", "cart_add", "cart_update", "cart_delete",
                      "checkout", "address", "login", "review", "static", "account", "locale", "orders",
                      "oidc", "token"], weights=[8, 10, 14, 14, 8, 4, 3, 6, 4, 5, 4, 6, 3, 3, 4, 4, 2])[0]
    lang = r.choice(LANGS)
    h = {"User-Agent": r.choice(UAS), "Cookie": cookies(r), "Accept-Language": lang}
    pid = r.randint(1, 5000)
    if kind == "home":
        return dict(method="GET", path=r.choice(["/", "/id/", "/ko/", "/en/", f"/?utm_source=instagram&utm_campaign=ramadan-2026&fbclid={b64tok(r, 40)}"]), headers=h)
    if kind == "category":
        q = up.urlencode({"page": r.randint(1, 20), "size": r.choice([12, 24, 48]),
                          "sort": r.choice(["price,asc", "price,desc", "newest", "popularity"]),
                          "minPrice": r.choice(["", "50000", "10.5"]), "brand": r.choice(["", "Jung Kwan Jang", "Nature's Way"])})
        return dict(method="GET", path=f"/{r.choice(LOCALES).split('-')[0]}/c/{r.choice(CATEGORIES)}?{q}", headers=h)
    if kind == "product":
        return dict(method="GET", path=f"/p/{pid}-{r.choice(['red-ginseng-extract-240g', 'vitamin-c-1000', 'omega-3-fish-oil-90-caps', 'collagen-peptide-drink'])}?currency={r.choice(CURRENCIES)}", headers=h)
    if kind == "search":
        q = up.urlencode({"q": r.choice(SEARCH), "page": r.randint(1, 5), "lang": r.choice(LOCALES)})
        return dict(method="GET", path=f"/search?{q}", headers=h)
    if kind == "static":
        return dict(method="GET", path=r.choice([f"/assets/app-{b64tok(r, 8)}.js", f"/assets/site-{b64tok(r, 8)}.css",
                                                 f"/media/products/{pid}/main-800w.webp", "/favicon.ico", "/robots.txt"]),
                    headers={"User-Agent": h["User-Agent"], "Accept": "*/*"})
    if kind == "locale":
        body = up.urlencode({"locale": r.choice(LOCALES), "currency": r.choice(CURRENCIES),
                             "timeZone": r.choice(["Asia/Jakarta", "Asia/Seoul", "Asia/Tokyo", "Europe/Dublin"]),
                             "_csrf": str(uuid.UUID(int=r.getrandbits(128)))})
        h["Content-Type"] = "application/x-www-form-urlencoded"
        return dict(method="POST", path="/preferences", headers=h, body=body)
    jh = dict(h, **{"Content-Type": "application/json", "Accept": "application/json",
                    "X-XSRF-TOKEN": str(uuid.UUID(int=r.getrandbits(128)))})
    if kind == "cart_add":
        body = {"productId": pid, "variantId": r.randint(1, 9), "quantity": r.randint(1, 5),
                "market": r.choice(COUNTRIES), "note": r.choice(["", "gift wrap please", "hadiah untuk ibu", "선물용 포장 부탁드립니다"])}
        return dict(method="POST", path="/api/cart/items", headers=jh, body=json.dumps(body, ensure_ascii=False))
    if kind == "cart_update":
        return dict(method="PATCH", path=f"/api/cart/items/{uuid.UUID(int=r.getrandbits(128))}", headers=jh,
                    body=json.dumps({"quantity": r.randint(1, 9)}))
    if kind == "cart_delete":
        return dict(method="DELETE", path=f"/api/cart/items/{uuid.UUID(int=r.getrandbits(128))}", headers=jh)
    if kind == "checkout":
        body = {"cartId": str(uuid.UUID(int=r.getrandbits(128))), "email": r.choice(["siti.n@example.co.id", "minjun.kim+shop@example.kr", "o'brien@example.ie", "ana_santos@example.com.br"]),
                "shippingAddress": address(r), "billingSameAsShipping": r.random() < 0.7,
                "paymentMethod": r.choice(["card", "va_bca", "ovo", "gopay", "kakaopay", "paypal"]),
                "currency": r.choice(CURRENCIES), "acceptTerms": True,
                "deliveryNote": r.choice(["", "Tolong taruh di pos satpam", "문 앞에 놓아주세요", "Call before delivery (ring twice)", "Leave with the concierge - thanks!"])}
        h2 = dict(jh, **{"Idempotency-Key": str(uuid.UUID(int=r.getrandbits(128)))})
        return dict(method="POST", path="/api/checkout", headers=h2, body=json.dumps(body, ensure_ascii=False))
    if kind == "address":
        return dict(method=r.choice(["POST", "PUT"]), path="/api/account/addresses" + ("" if r.random() < .5 else f"/{r.randint(1, 99)}"),
                    headers=jh, body=json.dumps(address(r), ensure_ascii=False))
    if kind == "account":
        first, last = r.choice(NAMES)
        body = {"firstName": first, "lastName": last, "phone": phone(r), "birthDate": f"19{r.randint(50, 99)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}",
                "marketingOptIn": r.random() < .5, "preferredLocale": r.choice(LOCALES)}
        return dict(method="PUT", path="/api/account/profile", headers=jh, body=json.dumps(body, ensure_ascii=False))
    if kind == "orders":
        return dict(method="GET", path=f"/api/orders?page={r.randint(0, 3)}&status={r.choice(['PAID', 'SHIPPED', 'CANCELLED', ''])}&from=2026-01-01T00:00:00Z", headers=jh)
    if kind == "review":
        body = {"productId": pid, "rating": r.randint(1, 5), "title": r.choice(["Bagus!", "좋아요", "Great", "まあまあ", "ดีมาก"]),
                "text": r.choice(REVIEWS)}
        return dict(method="POST", path=f"/api/products/{pid}/reviews", headers=jh, body=json.dumps(body, ensure_ascii=False))
    if kind == "login":
        pw = r.choice(["Tr0ub4dor&3", "correct horse battery staple", "P@ssw0rd!2026", "비밀번호123!", "s3cr3t'--x",
                       "a<b>c&d=e", "Jakarta#1945$", "pässwörd-ÄÖÜ", "1' or '1'='1x", "select-me-please", "<3<3<3 love"])
        body = up.urlencode({"username": r.choice(["siti@example.co.id", "minjun.kim", "o'brien@example.ie"]),
                             "password": pw, "credentialId": "", "rememberMe": "on"})
        h["Content-Type"] = "application/x-www-form-urlencoded"
        # Keycloak 26's own query: client_data is base64url JSON (redirect URI, response type, state).
        client_data = base64.urlsafe_b64encode(json.dumps(
            {"ru": "https://shop.onshore.test/login/oauth2/code/keycloak", "rt": "code", "st": b64tok(r, 43)}
        ).encode()).decode().rstrip("=")
        q = up.urlencode({"session_code": b64tok(r, 43), "execution": str(uuid.UUID(int=r.getrandbits(128))),
                          "client_id": "storefront", "tab_id": b64tok(r, 11), "client_data": client_data})
        h["Cookie"] = keycloak_cookies(r)
        return dict(method="POST", path=f"/realms/shoppers/login-actions/authenticate?{q}", headers=h, body=body)
    if kind == "token":
        # The storefront's code exchange (public client, PKCE): code and verifier are random base64url.
        body = up.urlencode({"grant_type": "authorization_code", "client_id": "storefront",
                             "code": f"{uuid.UUID(int=r.getrandbits(128))}.{b64tok(r, 36)}.{uuid.UUID(int=r.getrandbits(128))}",
                             "redirect_uri": "https://shop.onshore.test/login/oauth2/code/keycloak",
                             "code_verifier": b64tok(r, 64)})
        h["Content-Type"] = "application/x-www-form-urlencoded"
        h["Accept"] = "application/json"
        return dict(method="POST", path="/realms/shoppers/protocol/openid-connect/token", headers=h, body=body)
    # oidc
    q = up.urlencode({"response_type": "code", "client_id": "storefront", "scope": "openid profile email",
                      "redirect_uri": "https://shop.onshore.test/login/oauth2/code/keycloak",
                      "state": b64tok(r, 43), "nonce": b64tok(r, 43), "code_challenge": b64tok(r, 43),
                      "code_challenge_method": "S256", "ui_locales": r.choice(LOCALES)})
    return dict(method="GET", path=f"/realms/shoppers/protocol/openid-connect/auth?{q}", headers=h)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=20260501)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as f:
        for _ in range(a.count):
            req = gen(r)
            req.setdefault("body", "")
            f.write(json.dumps(req, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
