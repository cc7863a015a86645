"""Subcommands of the agreements core: ``sample-agreement`` and ``verify``.

Handlers import reportlab/pyHanko lazily so ``main.py --help`` and the GUI start stay fast.
Exit codes of ``verify``: 0 all signatures valid, 1 some signature failed (or none present),
2 the file or a certificate could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNREADABLE = 2


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the agreements subcommands (handlers import their modules lazily)."""
    verify = sub.add_parser(
        "verify",
        help="check the signatures of a signed agreement PDF",
        description="Check every signature of FILE against pinned office certificates (--trust) "
        "and CA anchors (--ca), that each field is signed by its own party, and that nothing "
        "but later signatures was added after signing. Exit status: 0 all valid and bound, "
        "1 a signature failed or none present, 2 unreadable input.",
    )
    verify.add_argument("file", type=Path, metavar="FILE.pdf")
    verify.add_argument(
        "--trust",
        action="extend",
        nargs="+",
        type=Path,
        default=[],
        metavar="CERT.pem",
        help="an office certificate (PEM or DER) to pin: trusted only as that office's own "
        "signing certificate, never as an issuer (several after one --trust, or repeat it)",
    )
    verify.add_argument(
        "--ca",
        action="extend",
        nargs="+",
        type=Path,
        default=[],
        metavar="CA.pem",
        help="an issuing CA (BSrE, Root CA Indonesia, a city's own CA) to validate "
        "certificate chains against: validity, key usage and revocation are checked",
    )
    verify.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="FIELD=CERT.pem",
        help="who must sign a field, e.g. TandaTangan2=palangkaraya.pem (default: the parties "
        "named in the document, bound by the office name in each trusted certificate)",
    )
    verify.add_argument(
        "--revocation",
        choices=["offline", "online"],
        default="offline",
        help="offline (default): revocation of CA-issued certificates is not checked; online: "
        "ask the CA's OCSP responder or CRL, and fail when it does not answer",
    )
    verify.add_argument(
        "--tz",
        choices=["WIB", "WITA", "WIT", "UTC"],
        default="WIB",
        help="time zone for printed signing times (default WIB)",
    )
    verify.add_argument(
        "--json", action="store_true", help="print the report as JSON (same exit status)"
    )
    verify.add_argument(
        "--at",
        type=_parse_moment,
        default=None,
        metavar="YYYY-MM-DD",
        help="verify as if today were this date (UTC), e.g. years from now when the signing "
        "certificates have expired: a B-LTA agreement stays valid through its time-stamps",
    )
    verify.set_defaults(func=_run_verify)

    sample = sub.add_parser(
        "sample-agreement",
        help="write a sample Kesepakatan Bersama signed by two sample offices",
        description="Create two sample offices (Pemerintah Kota Bandung and Pemerintah Kota "
        "Palangkaraya) with signing identities in a temporary folder, draw up an agreement with "
        "an annex, sign it by both mayors and write the signed PDF.",
    )
    sample.add_argument("out", type=Path, metavar="OUT.pdf")
    sample.add_argument(
        "--paper", choices=["f4", "a4"], default="f4", help="paper size (default f4)"
    )
    sample.add_argument(
        "--export-certs",
        type=Path,
        metavar="DIR",
        help="also write both offices' certificates (PEM) here, for `verify --trust`",
    )
    sample.set_defaults(func=_run_sample)

    identity = sub.add_parser("identity", help="office identities (key + certificate)")
    actions = identity.add_subparsers(dest="identity_action", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help="create an office identity: DIR/office.p12 (key, password-protected) and "
        "DIR/office.pem (certificate to give to counterpart offices)",
    )
    new.add_argument("--office", required=True, help='e.g. "Pemerintah Kota Pekanbaru"')
    new.add_argument("--signer", required=True, help="the signer's name (certificate CN)")
    new.add_argument("--title", default="", help='the signer\'s position, e.g. "Wali Kota"')
    new.add_argument("--out", required=True, type=Path, metavar="DIR")
    new.add_argument(
        "--password-file",
        required=True,
        type=Path,
        metavar="F",
        help="file whose first line is the password protecting office.p12",
    )
    new.set_defaults(func=_run_identity_new)


def _format_time(when, tz: str) -> str:
    import datetime as dt

    from mou.pdf.dates import ZONES

    if when is None:
        return "unknown"
    zone = ZONES.get(tz, dt.UTC)
    return f"{when.astimezone(zone):%Y-%m-%d %H:%M:%S} {tz}"


_ANCHOR_TEXT = {
    "pinned": "pinned office certificate",
    "ca": "certificate issued under a trusted CA",
    "none": "nobody (no pinned certificate or CA vouches for it)",
}
_MAPPING_TEXT = {
    "record": "from the agreement record",
    "document": "as the parties are named in the signed document",
    "cli": "as given with --party",
}
_REVOCATION_TEXT = {
    "pinned": "pinned certificate (withdrawn by removing the office's trust)",
    "not_checked_offline": "not checked: offline",
    "ocsp": "checked online by OCSP",
    "crl": "checked by CRL",
    "stored": "checked with revocation data stored in the document at signing time",
    "supplied": "checked with the OCSP answers given to this check",
    "none_offered": "the CA offers neither OCSP nor CRL",
    "not_applicable": "-",
}


def _parse_moment(text: str):
    """``--at``: an ISO date or date-time; a naive one is taken as UTC."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def print_report(report, tz: str = "WIB", stream: TextIO | None = None) -> None:
    """Human-readable verification report (used by ``verify`` and ``sample-agreement``)."""
    out = stream or sys.stdout
    if report.error:
        print(f"ERROR: {report.error}", file=out)
    for number, check in enumerate(report.signatures, start=1):
        source = "time-stamped" if check.timestamped else "claimed by the signer"
        print(f"Signature {number} ({check.field_name}): {check.verdict.value.upper()}", file=out)
        print(f"  signer:        {check.signer}", file=out)
        print(f"  office:        {check.office}", file=out)
        print(f"  signing time:  {_format_time(check.signing_time, tz)} ({source})", file=out)
        print(f"  intact:        {'yes' if check.intact else 'NO'}", file=out)
        print(f"  trusted:       {'yes' if check.trusted else 'NO'}", file=out)
        print(f"  trusted as:    {_ANCHOR_TEXT.get(check.anchor, check.anchor)}"
              + (f" of {check.bound_office}" if check.bound_office else ""), file=out)  # fmt: skip
        if check.expected_office:
            source = _MAPPING_TEXT.get(report.party_mapping, report.party_mapping)
            print(f"  field of:      {check.expected_office} ({source})", file=out)
        print(f"  revocation:    {_REVOCATION_TEXT.get(check.revocation, check.revocation)}",
              file=out)  # fmt: skip
        print(f"  after signing: {check.modification_level} (coverage {check.coverage})", file=out)
        if check.ltv_level:
            expired = ", certificate expired since" if check.certificate_expired else ""
            print(f"  long-term:     PAdES {check.ltv_level}{expired}", file=out)
        print(f"  certificate:   SHA-256 {check.fingerprint_sha256}", file=out)
        print(f"  verdict:       {check.verdict_text}", file=out)
    if report.unsigned_fields:
        print(f"Unsigned signature fields: {', '.join(report.unsigned_fields)}", file=out)
    print(report.summary(), file=out)


def report_as_dict(report) -> dict[str, object]:
    """A verification report as plain JSON-ready data (times in ISO 8601 with offset)."""
    return {
        "ok": report.ok,
        "summary": report.summary(),
        "error": report.error,
        "unsigned_fields": list(report.unsigned_fields),
        "party_mapping": report.party_mapping,
        "revocation_policy": report.revocation_policy,
        "ltv_level": report.ltv_level,
        "signatures": [
            {
                "field": s.field_name,
                "signer": s.signer,
                "office": s.office,
                "signing_time": s.signing_time.isoformat() if s.signing_time else None,
                "timestamped": s.timestamped,
                "intact": s.intact,
                "valid": s.valid,
                "trusted": s.trusted,
                "modification_level": s.modification_level,
                "coverage": s.coverage,
                "certificate_sha256": s.fingerprint_sha256,
                "trusted_as": s.anchor,
                "bound_office": s.bound_office,
                "expected_office": s.expected_office,
                "revocation": s.revocation,
                "problem": s.problem,
                "ltv_level": s.ltv_level,
                "certificate_expired": s.certificate_expired,
                "verdict": s.verdict.value,
                "verdict_text": s.verdict_text,
            }
            for s in report.signatures
        ],
    }


def _quiet_pyhanko() -> None:
    """pyHanko logs an untrusted signer as a warning with a traceback; the report says it better."""
    import logging

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _load_all(paths: list[Path]) -> list:
    from mou.signing.identity import load_certificates

    certificates = []
    for path in paths:
        certificates.extend(load_certificates(path))
    return certificates


def _party_mapping(specs: list[str]) -> dict:
    """``--party FIELD=CERT.pem`` -> field -> ExpectedSigner (that exact certificate)."""
    from mou.signing.identity import fingerprint_sha256
    from mou.signing.trust import ExpectedSigner, organization_of

    mapping = {}
    for spec in specs:
        field_name, sep, path = spec.partition("=")
        if not sep or not field_name or not path:
            raise ValueError(f"--party needs FIELD=CERT.pem, not {spec!r}")
        certificates = _load_all([Path(path)])
        mapping[field_name] = ExpectedSigner(
            organization_of(certificates[0]),
            frozenset(fingerprint_sha256(c) for c in certificates),
        )
    return mapping


def _run_verify(args: argparse.Namespace) -> int:
    _quiet_pyhanko()
    from mou.signing import verify_pdf
    from mou.signing.identity import IdentityError
    from mou.signing.trust import PinnedOffice, RevocationPolicy, TrustAnchors

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"ERROR: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        pins = _load_all(args.trust)
        cas = _load_all(args.ca)
        expected = _party_mapping(args.party) if args.party else None
    except (IdentityError, ValueError) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    policy = RevocationPolicy.HARD_FAIL if args.revocation == "online" else RevocationPolicy.OFFLINE
    if args.party:
        # A certificate named for a field is pinned (and bound to exactly that field).
        pins += [c for path in args.party for c in _load_all([Path(path.partition("=")[2])])]
    anchors = TrustAnchors(
        pins=tuple(PinnedOffice(c) for c in pins), cas=tuple(cas), revocation=policy
    )
    report = verify_pdf(data, anchors, expected=expected, at=args.at)
    if expected is not None:
        from dataclasses import replace

        report = replace(report, party_mapping="cli")
    if args.json:
        print(json.dumps(report_as_dict(report), indent=2, ensure_ascii=False))
    else:
        print_report(report, args.tz)
    if report.error:
        return EXIT_UNREADABLE
    if not pins and not cas and report.signatures and not args.json:
        print("note: no --trust or --ca certificate was given, so no signer can be trusted.")
    return EXIT_OK if report.ok else EXIT_FAILED


def _run_sample(args: argparse.Namespace) -> int:
    _quiet_pyhanko()
    from mou.pdf.sample_signing import SampleError, make_sample_agreement

    try:
        result = make_sample_agreement(args.out, paper=args.paper, export_certs=args.export_certs)
    except SampleError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Wrote {args.out} ({result.page_count} pages, paper {args.paper.upper()}).")
    print(f"Built from: {result.source}")
    print_report(result.report)
    if args.export_certs:
        # Office certificates are pinned; the sample CA is a CA anchor (never a pin).
        trust = " ".join(
            f"--ca {p}" if p.name == "sample-ca.pem" else f"--trust {p}"
            for p in result.certificate_paths
        )
        print(f"Check it yourself: python main.py verify {args.out} {trust}")
    return EXIT_OK if result.report.ok else EXIT_FAILED


def read_password_file(path: Path) -> str:
    """The first line of ``path`` (without its line break): a password given by file."""
    return path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""


def _run_identity_new(args: argparse.Namespace) -> int:
    from mou.signing.identity import IdentityError, create_identity, export_certificate

    try:
        password = read_password_file(args.password_file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"ERROR: cannot read the password file: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    p12, pem = args.out / "office.p12", args.out / "office.pem"
    if p12.exists():
        print(f"ERROR: {p12} already exists; choose another --out folder", file=sys.stderr)
        return EXIT_FAILED
    try:
        identity = create_identity(
            p12,
            password,
            common_name=args.signer,
            organization=args.office,
            unit=args.title or None,
        )
        export_certificate(identity, pem)
    except IdentityError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"ERROR: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"Wrote {p12} and {pem}.")
    print(f"Certificate SHA-256: {identity.fingerprint_sha256}")
    return EXIT_OK
