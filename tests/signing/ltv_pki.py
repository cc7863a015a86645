"""A real public-key infrastructure on loopback for the long-term-validity tests.

certomancer (by pyHanko's author) builds the certificates from a declarative configuration and its
Animator serves them over HTTP with werkzeug: an OCSP responder, CRLs, a certificate repository and
an RFC 3161 time-stamp authority, exactly as a provider like BSrE would, so signing and Extend go
through pyHanko's real HTTP fetchers. Nothing here is a stub: every response is signed by the
service's own key and checked by pyHanko on the way in.

Certificates are dated relative to now, so expiry is simulated by validating at a later moment
(pyHanko ``ValidationContext(moment=...)``), never by sleeping.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

# Keys of the PKI; ECDSA P-256 keeps key generation and every service signature cheap.
_KEYS = ("root", "ocsp", "tsa", "bandung", "palangkaraya", "crlonly", "revoked", "shortlived")

# Signer labels -> (subject CN, subject O).
SIGNERS = {
    "bandung": ("Wali Kota Bandung", "Pemerintah Kota Bandung"),
    "palangkaraya": ("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya"),
    # Other certificates of Bandung's mayor (the sample agreement binds field 1 to Bandung).
    "crlonly": ("Wali Kota Bandung (CRL)", "Pemerintah Kota Bandung"),
    "revoked": ("Wali Kota Bandung (dicabut)", "Pemerintah Kota Bandung"),
    "shortlived": ("Wali Kota Bandung (jangka pendek)", "Pemerintah Kota Bandung"),
}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _config(now: dt.datetime, url: str) -> dict:
    """The certomancer architecture: root CA, OCSP responder, CRL repository and a TSA."""

    def validity(start_days: float, end_days: float) -> dict:
        return {
            "valid-from": _iso(now + dt.timedelta(days=start_days)),
            "valid-to": _iso(now + dt.timedelta(days=end_days)),
        }

    usage = {
        "id": "key_usage",
        "critical": True,
        "smart-value": {"schema": "key-usage", "params": ["digital_signature", "non_repudiation"]},
    }
    ocsp_ext = [
        usage,
        {
            "id": "authority_information_access",
            "smart-value": {"schema": "aia-urls", "params": {"ocsp-responder-names": ["root"]}},
        },
    ]
    crl_dp = {
        "id": "crl_distribution_points",
        "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": ["root"]}},
    }
    entities = {
        "root": {"common-name": "Test Root CA BSrE-like"},
        "ocsp": {"common-name": "Test OCSP responder"},
        "tsa": {"common-name": "Test Time Stamping Authority"},
    }
    for label, (cn, org) in SIGNERS.items():
        entities[label] = {"common-name": cn, "organization-name": org}
    certs: dict = {
        "root": {
            "subject": "root",
            "issuer": "root",
            "validity": validity(-60, 3650),
            "extensions": [
                {"id": "basic_constraints", "critical": True, "value": {"ca": True}},
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {
                        "schema": "key-usage",
                        "params": ["digital_signature", "key_cert_sign", "crl_sign"],
                    },
                },
            ],
        },
        "ocsp": {
            "issuer": "root",
            "validity": validity(-60, 3650),
            "extensions": [
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {"schema": "key-usage", "params": ["digital_signature"]},
                },
                {"id": "extended_key_usage", "critical": True, "value": ["ocsp_signing"]},
                {"id": "ocsp_no_check"},
            ],
        },
        "tsa": {
            "issuer": "root",
            "validity": validity(-60, 3650),
            "extensions": [
                {
                    "id": "key_usage",
                    "critical": True,
                    "smart-value": {"schema": "key-usage", "params": ["digital_signature"]},
                },
                {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]},
                crl_dp,
            ],
        },
        "bandung": {"issuer": "root", "validity": validity(-30, 365), "extensions": ocsp_ext},
        "palangkaraya": {"issuer": "root", "validity": validity(-30, 365), "extensions": ocsp_ext},
        # Checked by CRL only (no OCSP responder named).
        "crlonly": {
            "issuer": "root",
            "validity": validity(-30, 365),
            "extensions": [usage, crl_dp],
        },
        "revoked": {
            "issuer": "root",
            "validity": validity(-30, 365),
            "extensions": ocsp_ext,
            "revocation": {
                "revoked-since": _iso(now - dt.timedelta(days=2)),
                "reason": "key_compromise",
            },
        },
        # A BSrE-like certificate about to run out: it expires tomorrow.
        "shortlived": {"issuer": "root", "validity": validity(-30, 1), "extensions": ocsp_ext},
    }
    return {
        "external-url-prefix": url,
        "keysets": {"lintas": {"keys": {label: {"path": f"{label}.key.pem"} for label in _KEYS}}},
        "pki-architectures": {
            "lintas": {
                "keyset": "lintas",
                "entity-defaults": {"country-name": "ID", "organization-name": "BSrE test"},
                "entities": entities,
                "certs": certs,
                "services": {
                    "ocsp": {
                        "root": {
                            "for-issuer": "root",
                            "responder-cert": "ocsp",
                            "signing-key": "ocsp",
                        }
                    },
                    "crl-repo": {
                        "root": {
                            "for-issuer": "root",
                            "signing-key": "root",
                            "simulated-update-schedule": "P7D",
                        }
                    },
                    "cert-repo": {"root": {"for-issuer": "root", "publish-issued-certs": True}},
                    "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
                },
            }
        },
    }


@dataclass
class PkiCounters:
    """How many requests each service answered (proves the code really went to the network)."""

    ocsp: int = 0
    crl: int = 0
    tsa: int = 0


class LocalPki:
    """A CA with OCSP, CRL and TSA served on ``127.0.0.1`` by certomancer's Animator.

    ``start()`` generates the keys in ``folder``, builds the architecture and serves it; ``stop()``
    shuts the server down. ``tsa_url``, ``root_cert`` and the signers' PKCS#12 files come from it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.counters = PkiCounters()
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self._server = None
        self._thread: threading.Thread | None = None
        self.arch = None
        self.url = ""

    def start(self) -> LocalPki:
        """Generate keys, build the certificates and serve them on an ephemeral loopback port."""
        from certomancer.integrations.animator import Animator, AnimatorArchStore
        from certomancer.registry import CertomancerConfig
        from werkzeug.serving import make_server

        self.folder.mkdir(parents=True, exist_ok=True)
        for label in _KEYS:
            key = ec.generate_private_key(ec.SECP256R1())
            (self.folder / f"{label}.key.pem").write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        # Bind first: the services' URLs (in AIA/CRL DP extensions) need the real port.
        self._server = make_server(
            "127.0.0.1", 0, _not_ready, threaded=True, request_handler=_quiet_handler()
        )
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        config = CertomancerConfig(_config(self.now, self.url), key_search_dir=str(self.folder))
        self.arch = config.get_pki_arch("lintas")
        animator = Animator(AnimatorArchStore({self.arch.arch_label: self.arch}), with_web_ui=False)
        counters = self.counters

        def app(environ, start_response):
            path = environ.get("PATH_INFO", "")
            if "/ocsp/" in path:
                counters.ocsp += 1
            elif "/crls/" in path:
                counters.crl += 1
            elif "/tsa/" in path:
                counters.tsa += 1
            return animator(environ, start_response)

        self._server.app = app
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (the test's PKI never outlives its test session)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def tsa_url(self) -> str:
        """The RFC 3161 endpoint."""
        return f"{self.url}/lintas/tsa/tsa"

    def cert(self, label: str) -> x509.Certificate:
        """A certificate of the architecture as a ``cryptography`` object."""
        return x509.load_der_x509_certificate(self.arch.get_cert(label).dump())

    @property
    def root_cert(self) -> x509.Certificate:
        """The CA every signer and the TSA chain up to (the one anchor a verifier configures)."""
        return self.cert("root")

    def p12(self, label: str, path: Path, password: str) -> Path:
        """Write ``label``'s key and certificate (with the root) as a PKCS#12, as BSrE hands out."""
        from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

        key = serialization.load_pem_private_key(
            (self.folder / f"{label}.key.pem").read_bytes(), password=None
        )
        blob = pkcs12.serialize_key_and_certificates(
            label.encode(),
            key,
            self.cert(label),
            [self.root_cert],
            BestAvailableEncryption(password.encode()),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
        return path


def _quiet_handler():
    from werkzeug.serving import WSGIRequestHandler

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args, **kwargs) -> None:  # the test output stays readable
            return

    return Quiet


def _not_ready(environ, start_response):
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]
