"""Fictional articles, pages and feeds for the ingest tests (names and places invented)."""

from __future__ import annotations

from xml.sax.saxutils import escape

HARBOUR = (
    "The harbour authority of Port Ellis will close the northern pier for three weeks of repairs, its director, "
    "Marta Quillon, said on Tuesday. \"The timbers are older than the town hall, and we cannot wait for another "
    "winter,\" Quillon told reporters at the quay.\n\n"
    "Fishermen who moor at the pier will be moved to the southern basin, according to a statement from the "
    "authority. Odo Brannick, who chairs the Port Ellis fishing cooperative, said the move would cost his members "
    "an hour each morning but that the repairs were overdue.\n\n"
    "The council approved the money for the work in March after an engineer warned that two of the pilings had "
    "split. The authority said the pier would reopen before the autumn regatta, when the town expects its "
    "busiest week of the year. Traders along the quay said they hoped the timetable would hold this time."
)

FESTIVAL = (
    "Organisers of the Vellmoor lantern festival said on Friday that this year's parade will follow a new route "
    "through the old market, after residents of the river district asked for quieter evenings.\n\n"
    "\"We listened to every letter we received,\" said Ines Harrowgate, the festival's director. She said the "
    "committee expected about twelve thousand visitors over the three nights, slightly fewer than last year.\n\n"
    "The regional transport office announced extra trams on the valley line, and a spokesman for the Vellmoor "
    "police said officers would close Mill Street to cars from six in the evening. Stallholders, according to the "
    "market association, have been told to keep the lanes between their tents clear for the lantern carriers."
)

BRIDGE = (
    "Engineers inspecting the Calder Ford bridge found cracks in two of its steel girders, the regional roads "
    "agency said on Monday, and lorries heavier than twelve tonnes will be barred from crossing until repairs "
    "are made.\n\n"
    "\"Nobody is in danger today, but we would rather close a lane than take a risk,\" said Petra Lindqvale, the "
    "agency's chief engineer. Hauliers said the detour through Ashmere would add forty minutes to each trip.\n\n"
    "The mayor of Calder Ford, Tomas Ferrin, said the town had warned about the bridge for years and called on "
    "the agency to publish its inspection reports in full."
)


def page_html(title: str, body: str, *, site: str = "Harbor Daily", author: str = "Ana Velt",
              date: str = "2024-03-02", canonical: str | None = None, charset: str = "utf-8") -> str:
    """A news page with navigation, a cookie banner, comments and a footer around the article."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{escape(title)} | {site}</title>'
        f'<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">{link}</head><body>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a>'
        '</li><li><a href="/weather">Weather</a></li></ul></nav>'
        '<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>'
        f'<main><article><h1>{escape(title)}</h1><p class="byline">By {author}</p>{paragraphs}</article></main>'
        '<section class="comments"><h2>Comments</h2><div class="comment"><p>Reader4711 wrote: NAVCOMMENT this is '
        'the worst decision the council has ever made, mark my words.</p></div></section>'
        f'<footer><p>Copyright 2024 {site}. All rights reserved. FOOTERMARK</p></footer></body></html>'
    )


NO_ARTICLE_HTML = ('<html><head><title>Index</title></head><body><nav><a href="/a">A</a> <a href="/b">B</a></nav>'
                   '<footer>Copyright</footer></body></html>')


def rss2(entries: list[dict], title: str = "Harbor Daily") -> str:
    items = "".join(
        f"<item><title>{escape(e['title'])}</title><link>{escape(e['link'])}</link><guid>{escape(e['guid'])}</guid>"
        f"<pubDate>{e.get('date', 'Tue, 05 Mar 2024 09:30:00 GMT')}</pubDate>"
        f"<description>{escape(e.get('summary', ''))}</description></item>"
        for e in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://harbor.example/</link><description>News</description>{items}</channel></rss>")
