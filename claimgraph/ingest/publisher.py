"""A page's publisher as a name: the site name the page gives when it is one, else og:site_name, else the domain.

Pages often fill their site-name fields with a URL ("https://www.example-news.com") or the name of the software that
made them ("escenic", "Hosted", "WordPress"); neither is a publisher.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Content-management systems, site builders and hosting words seen in site-name fields instead of a name.
NOT_PUBLISHERS = {
    "escenic", "hosted", "wordpress", "wordpress.com", "drupal", "joomla", "blogger", "blogspot", "squarespace",
    "wix", "wix.com", "ghost", "medium", "substack", "arc publishing", "arc xp", "brightspot", "typepad", "tumblr",
    "weebly", "hubspot", "sitecore", "adobe experience manager", "aem", "contentful", "next.js", "gatsby", "hugo",
    "jekyll", "home", "homepage", "index", "news", "untitled", "default",
}
# A URL or a host name with "www." (a bare domain such as "Phys.org" is often the brand itself and is kept).
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|^[\w-]+(?:\.[\w-]+)+/", re.IGNORECASE)
_OG_SITE_NAME = re.compile(
    r"""<meta\s[^>]*(?:property|name)\s*=\s*["']og:site_name["'][^>]*content\s*=\s*["']([^"'<>]{1,120})["']"""
    r"""|<meta\s[^>]*content\s*=\s*["']([^"'<>]{1,120})["'][^>]*(?:property|name)\s*=\s*["']og:site_name["']""",
    re.IGNORECASE)


def is_publisher_name(value: str | None) -> bool:
    """A name a reader would recognise as a publisher: not a URL, not a CMS, not empty or huge."""
    if not value:
        return False
    value = value.strip()
    return 1 < len(value) <= 100 and not _URL_LIKE.search(value) and value.lower() not in NOT_PUBLISHERS


def host_name(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def publisher_name(site_name: str | None, page: str, url: str | None) -> str | None:
    """The first of the page's site name, its og:site_name and the URL's domain that is a usable publisher."""
    if is_publisher_name(site_name):
        return site_name.strip()
    head = page[:65536]
    for match in _OG_SITE_NAME.finditer(head):
        candidate = (match.group(1) or match.group(2) or "").strip()
        if is_publisher_name(candidate):
            return candidate
    return host_name(url)
