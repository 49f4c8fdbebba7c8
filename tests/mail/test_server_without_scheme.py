"""An SMTP address written as host:port, as mail programs show it, is told that it lacks its
scheme and how to write it — in English and Chinese — not that it is "not
smtp.example.com://…"."""

from __future__ import annotations

import pytest

from opsbook.mail.deliver import DeliveryError, Server, parse_server


@pytest.mark.parametrize("url", ["smtp.example.com:587", "smtp.example.com"])
def test_host_and_port_without_a_scheme(url):
    with pytest.raises(DeliveryError) as refused:
        parse_server(url)
    assert str(refused.value) == (f"the SMTP address {url!r} has no scheme: write it as "
                                  f"smtp://{url} (STARTTLS) or smtps://{url} (TLS)")
    assert refused.value.zh == (f"SMTP 地址“{url}”缺少协议前缀：请写作 smtp://{url}"
                                f"（STARTTLS）或 smtps://{url}（TLS）。")
    assert parse_server(f"smtp://{url}").host == "smtp.example.com"
    assert parse_server("smtp://smtp.example.com:587") == Server("smtp.example.com", 587,
                                                                  "starttls")
