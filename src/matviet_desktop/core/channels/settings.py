"""Provider settings: non-secret values in the database (`provider_settings`), secrets in the OS
keyring, and for headless runs every setting from `MATVIET_<PROVIDER>_<SETTING>` (which wins).

A base URL is scheme + host; clients append the documented paths.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, text

KEYRING_SERVICE = "matviet-desktop"

DEFAULTS: dict[str, dict[str, str]] = {
    "esms": {
        "base_url": "https://rest.esms.vn",
        "brandname": "",
        "sandbox": "0",
        "is_unicode": "0",
        "oaid": "",
        "rate_per_s": "10",
        "timeout_s": "20",
        "opt_out_text": "Tu choi QC soan TC gui 6058",
    },
    "zalo_zns": {
        "base_url": "https://business.openapi.zalo.me",
        "oauth_url": "https://oauth.zaloapp.com",
        "app_id": "",
        "rate_per_s": "10",
        "timeout_s": "20",
    },
    "smtp": {
        "host": "",
        "port": "587",
        "starttls": "1",
        "username": "",
        "from_address": "",
        "unsubscribe_mailto": "",
        "unsubscribe_url": "",
        "rate_per_s": "5",
        "timeout_s": "30",
    },
    "mailgun": {
        "base_url": "https://api.mailgun.net",
        "domain": "",
        "from_address": "",
        "unsubscribe_mailto": "",
        "rate_per_s": "20",
        "timeout_s": "20",
    },
}
SECRETS: dict[str, tuple[str, ...]] = {
    "esms": ("api_key", "secret_key"),
    "zalo_zns": ("app_secret",),
    "smtp": ("password",),
    "mailgun": ("api_key",),
}


def env_name(provider: str, setting: str) -> str:
    return f"MATVIET_{provider.upper()}_{setting.upper()}"


def _keyring_get(provider: str, setting: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, f"{provider}:{setting}")
        except KeyringError:
            return None
    except Exception:  # no usable backend on a headless box: env vars are the way there
        return None


def load(engine: Engine | None, provider: str) -> dict[str, str]:
    """Effective settings: defaults < database < keyring (secrets) < environment."""
    values = dict(DEFAULTS.get(provider, {}))
    if engine is not None:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT setting, value FROM provider_settings WHERE provider = :p"), {"p": provider}
            )
            values.update({r.setting: r.value for r in rows})
    for secret in SECRETS.get(provider, ()):
        stored = _keyring_get(provider, secret)
        if stored is not None:
            values[secret] = stored
    prefix = f"MATVIET_{provider.upper()}_"
    for key, value in os.environ.items():
        if key.startswith(prefix):
            values[key[len(prefix) :].lower()] = value
    return values


def save(engine: Engine, provider: str, values: dict[str, Any]) -> None:
    """Store settings; secrets go to the keyring and never reach the database."""
    secrets = SECRETS.get(provider, ())
    plain = {k: str(v) for k, v in values.items() if k not in secrets}
    with engine.begin() as conn:
        for key, value in plain.items():
            conn.execute(
                text(
                    "INSERT INTO provider_settings (provider, setting, value) VALUES (:p, :k, :v) "
                    "ON CONFLICT (provider, setting) DO UPDATE SET value = excluded.value, updated_at = now()"
                ),
                {"p": provider, "k": key, "v": value},
            )
    for key in secrets:
        if key in values:
            import keyring

            keyring.set_password(KEYRING_SERVICE, f"{provider}:{key}", str(values[key]))


def base_url(value: str) -> str:
    """Keep scheme + host (+port); the client appends the documented paths."""
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if not parts.scheme or not parts.netloc:
        raise ValueError(f"Địa chỉ máy chủ không hợp lệ: {value!r} (cần dạng https://tên-máy)")
    return f"{parts.scheme}://{parts.netloc}"
