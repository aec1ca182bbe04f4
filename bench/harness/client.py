"""A browser-like HTTP client on loopback: keep-alive, cookies, CSRF, and the real allauth sign-in.

Standard library only (http.client), so the driver needs nothing beyond the app's own requirements.
"""

import http.client
import re
import time
import urllib.parse
from dataclasses import dataclass

from bench.accounts import PASSWORD, BenchAccount, current_totp_code

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float

    @property
    def queries(self) -> int | None:
        value = self.headers.get("x-bench-queries")
        return int(value) if value is not None else None

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    def csrf_token(self) -> str:
        match = CSRF_INPUT.search(self.body.decode("utf-8", "replace"))
        if not match:
            raise LoginFailed(f"no CSRF token in the page (status {self.status})")
        return match.group(1)


class LoginFailed(Exception):
    pass


class Client:
    def __init__(self, host: str, port: int, timeout: float = 120):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        headers = {"Host": f"{self.host}:{self.port}", "Accept": "text/html,*/*"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        started = time.perf_counter()
        for attempt in (1, 2):
            try:
                connection = self._connect()
                connection.request(method, path, body=body, headers=headers)
                raw = connection.getresponse()
                content = raw.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()  # a worker closed the kept-alive connection: reconnect once
                if attempt == 2:
                    raise
        elapsed = time.perf_counter() - started
        response_headers = {name.lower(): value for name, value in raw.getheaders()}
        for name, value in raw.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                self.cookies[cookie_name.strip()] = rest.split(";", 1)[0]
        if response_headers.get("connection", "").lower() == "close":
            self.close()
        return Response(status=raw.status, body=content, headers=response_headers, seconds=elapsed)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, data: dict, *, form_path: str | None = None) -> Response:
        """GET the form for its CSRF token, then POST, as a browser does."""
        token = self.get(form_path or path).csrf_token()
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **data})

    def login(self, account: BenchAccount, *, attempts: int = 6) -> None:
        """Through allauth's form, then its two-step page with a fresh TOTP code for staff."""
        for attempt in range(attempts):
            response = self.post_form("/accounts/login/", {"login": account.email, "password": PASSWORD})
            if response.status == 429:  # sign-in rate limit (production's): wait and retry
                time.sleep(10)
                continue
            if response.status != 302:
                raise LoginFailed(f"{account.email}: sign-in answered {response.status}")
            if "/2fa/authenticate" in response.location:
                response = self.post_form(
                    "/accounts/2fa/authenticate/", {"code": current_totp_code(account.totp_secret or "")}
                )
                if response.status != 302:  # code already used this period: wait for the next one
                    time.sleep(30 - time.time() % 30 + 1)
                    self.cookies.clear()
                    continue
            if "sessionid" in self.cookies:
                return
            raise LoginFailed(f"{account.email}: no session after sign-in (attempt {attempt + 1})")
        raise LoginFailed(f"{account.email}: gave up after {attempts} attempts")
