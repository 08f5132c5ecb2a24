"""Who may talk to ``kg serve``: the checks on ``Host``, ``Origin`` and ``Sec-Fetch-Site``,
and the CORS headers for origins let in by ``--cors``.

By default the endpoint listens on loopback and answers only requests addressed to a
loopback name (a web page cannot reach it through a DNS name it controls: DNS rebinding),
and refuses what a page on another site has the browser send. Two opt-ins widen that:

- ``cors``: origins (``https://example.org``, or ``*`` for any) whose pages may query the
  endpoint from the browser and read the answers; they get
  ``Access-Control-Allow-Origin`` and a preflight answer;
- ``remote``: listening beyond loopback (``--host 0.0.0.0``); the ``Host`` check is then
  off, since clients name the machine as they know it: whoever reaches the port reads the store.

Examples
--------
>>> policy = Access(cors=frozenset({normalise_origin("https://Example.org:443")}))
>>> policy.origin_ok("https://example.org", "cross-site"), policy.origin_ok("https://evil.test", None)
(True, False)
>>> policy.cors_headers("https://example.org")["Access-Control-Allow-Origin"]
'https://example.org'
>>> Access().host_ok("localhost:7878"), Access().host_ok("attacker.test:7878")
(True, False)
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from dataclasses import dataclass

__all__ = ["Access", "is_loopback", "normalise_origin"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_loopback(host: str) -> bool:
    """Whether ``host`` is ``localhost`` or a loopback address (IPv4 or IPv6, brackets allowed).

    >>> is_loopback("127.0.0.2"), is_loopback("[::1]"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_origin(text: str) -> str:
    """An origin as browsers send it: ``scheme://host[:port]``, lower case, no default port;
    ``*`` stays ``*``. Raises :class:`ValueError` for what is no origin (a path, no host).

    >>> normalise_origin("HTTP://LocalHost:80/"), normalise_origin("https://a.example:8443")
    ('http://localhost', 'https://a.example:8443')
    """
    text = text.strip()
    if text == "*":
        return text
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValueError(f"not an origin (scheme://host[:port]): {text!r}") from None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/") \
            or parts.query or parts.fragment or parts.username:
        raise ValueError(f"not an origin (scheme://host[:port]): {text!r}")
    scheme = parts.scheme.lower()
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{scheme}://{host}" + (f":{port}" if port and port != _DEFAULT_PORTS[scheme] else "")


@dataclass(frozen=True, slots=True)
class Access:
    """The endpoint's access policy: ``remote`` (listening beyond loopback) and the ``cors``
    origins (normalised by :func:`normalise_origin`)."""

    remote: bool = False
    cors: frozenset[str] = frozenset()

    def host_ok(self, host_header: str | None) -> bool:
        """Whether a request's ``Host`` may be answered: a loopback name (any name when remote)."""
        if self.remote:
            return True
        host = (host_header or "").strip()
        if host.startswith("["):
            name = host[1 : host.find("]")] if "]" in host else host
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return is_loopback(name)

    def allowed_origin(self, origin: str | None) -> bool:
        """Whether ``origin`` was let in by ``cors``."""
        if origin is None or not self.cors:
            return False
        if "*" in self.cors:
            return True
        try:
            return normalise_origin(origin) in self.cors
        except ValueError:
            return False

    def origin_ok(self, origin: str | None, fetch_site: str | None) -> bool:
        """False for what a page on another site had the browser send, unless its origin is
        let in by ``cors``."""
        if self.allowed_origin(origin):
            return True
        if (fetch_site or "").strip().lower() == "cross-site":
            return False
        if origin is None:
            return True
        try:
            host = urllib.parse.urlsplit(origin.strip()).hostname
        except ValueError:
            return False
        return host is not None and is_loopback(host)

    def cors_headers(self, origin: str | None, *, preflight: bool = False) -> dict[str, str]:
        """The CORS response headers for a request from ``origin`` (none if it is not let in)."""
        if not self.allowed_origin(origin):
            return {"Vary": "Origin"} if self.cors else {}
        assert origin is not None
        out = {"Access-Control-Allow-Origin": "*" if "*" in self.cors else origin.strip(),
               "Access-Control-Expose-Headers": "X-KG-Truncated", "Vary": "Origin"}
        if preflight:
            out |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": "Accept, Content-Type",
                    "Access-Control-Max-Age": "600"}
        return out
